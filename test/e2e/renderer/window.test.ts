import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/browser.js';
import { personSignsIn as signInAtHostedUi } from '../../support/hosted-ui.js';
import { ensureAppBuilt } from '../../integration/web/support.js';
import { expectAccessible, MISMATCH_PORT, startWindow, type WindowHarness } from './window-support.js';

/**
 * The window end to end, as a person uses it: the real renderer in Chromium, the browser shell's
 * HTTP bridge, the real desktop core, keychain and local pool. Every control is found by its role
 * and accessible name. Sign-ins open in a second page, where the "person" signs in.
 */
describe('the window, end to end', () => {
  let app: WindowHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  /** The person in the browser the core opened: the hosted UI's form, or the simulated Google. */
  const personSignsIn = (as: { user?: string; google?: boolean } = {}) => signInAtHostedUi(context, app.nextBrowserUrl(), as);

  const session = () => page.getByRole('region', { name: 'Session' });
  const sessionActions = () => page.getByRole('group', { name: 'Session actions' });
  const state = (text: string) => page.getByRole('status', { name: `Session state: ${text}` });
  const selectProfile = (name: string) => page.getByRole('complementary', { name: 'Profiles' }).getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();
  const clipboard = () => page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());

  beforeAll(async () => {
    ensureAppBuilt();
    app = await startWindow({ signInTimeoutMs: 60_000 });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${app.shell.port}` });
    page = await context.newPage();
    await page.goto(app.shell.launchUrl('demo'));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens on the chosen profile, signed out, saying what to do next; accessible in both themes', async () => {
    await state('Signed out').waitFor();
    await page.getByText('Sign in to see your tokens').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectAccessible(page, `signed out, ${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('signs in and shows who, the live countdowns, and every claim explained and verified', async () => {
    await sessionActions().getByRole('button', { name: 'Sign in', exact: true }).click();
    await personSignsIn();
    await state('Signed in').waitFor();
    await session().getByRole('heading', { name: 'Alice Example' }).waitFor();
    await expect.poll(() => page.getByTestId('access-countdown').textContent()).toMatch(/^expires in (59|60):\d\d$/);
    const first = await page.getByTestId('access-countdown').textContent();
    await expect.poll(() => page.getByTestId('access-countdown').textContent(), { timeout: 5000 }).not.toBe(first); // it counts down
    expect(await page.getByTestId('next-refresh').textContent()).toMatch(/\(in \d+ min\)/);

    const id = page.getByRole('article', { name: 'ID token' });
    await expect.poll(() => id.getByRole('status', { name: 'Signature status' }).textContent()).toMatch(/^Signature verified against the JWKS from .*with kid \S+/);
    const groups = id.getByRole('row', { name: /cognito:groups/ });
    expect(await groups.textContent()).toContain('Cognito'); // marked as a Cognito claim
    expect(await groups.textContent()).toContain('User pool groups');
    expect(await id.getByRole('row', { name: /^exp/ }).textContent()).toMatch(/expires in (59|60):\d\d/);
    expect(await id.getByRole('row', { name: /^iat/ }).textContent()).toMatch(/ago|just now/);
    // the refresh token itself never reaches the page: only that one is held, and where
    const refresh = page.getByRole('article', { name: 'Refresh token' });
    expect(await refresh.textContent()).toMatch(/HeldyesWhereOS keychain/);
    expect(await refresh.textContent()).toMatch(/Estimated expiryabout/);

    await id.getByRole('button', { name: 'Show JSON' }).click();
    expect(JSON.parse((await id.getByLabel('ID token JSON').textContent())!)).toMatchObject({ header: { alg: 'RS256' }, payload: { 'cognito:username': 'alice' } });
    await id.getByRole('button', { name: 'Show claims table' }).click();
    await expectAccessible(page, 'signed in, tokens, light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'signed in, tokens, dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('copies a token raw, as an Authorization header and as a curl line', async () => {
    const token = (await app.core.handlers['session:get']({ profile: 'demo' } as never)).idToken!;
    const id = page.getByRole('article', { name: 'ID token' });
    await id.getByRole('button', { name: 'Copy raw ID token' }).click();
    await expect.poll(clipboard).toBe(token);
    await id.getByRole('button', { name: 'Copy ID token as Authorization header' }).click();
    await expect.poll(clipboard).toBe(`Authorization: Bearer ${token}`);
    await id.getByRole('button', { name: 'Copy ID token as curl line' }).click();
    await expect.poll(clipboard).toMatch(new RegExp(`^curl -H 'Authorization: Bearer ${token.replace(/\./g, '\\.')}' '`));
  });

  it('gets AWS credentials, lets the person choose a role from cognito:roles and get guest ones, and copies them', async () => {
    await page.getByRole('tab', { name: 'AWS' }).click();
    await page.getByRole('button', { name: 'Get credentials', exact: true }).click();
    const facts = page.getByRole('region', { name: 'AWS credentials' });
    await facts.getByRole('definition').filter({ hasText: /^arn:aws:iam::123456789012:role\/LocalDemoAdmin$/ }).waitFor();
    await facts.getByText(/cognito:preferred_role in the ID token/).waitFor();
    expect(await page.getByTestId('aws-expiry').textContent()).toMatch(/in (59|1:00):\d\d/);
    await expectAccessible(page, 'AWS, light');

    await page.getByLabel('Role').selectOption('arn:aws:iam::123456789012:role/LocalDemoDeveloper');
    await page.getByRole('button', { name: 'Use this role' }).click();
    await facts.getByRole('definition').filter({ hasText: /^arn:aws:iam::123456789012:role\/LocalDemoDeveloper$/ }).waitFor();
    await facts.getByText(/chosen by you/).waitFor();

    await page.getByRole('button', { name: 'Who am I (STS)' }).click();
    await page.getByRole('definition').filter({ hasText: /^123456789012$/ }).waitFor();

    await page.getByRole('button', { name: 'Copy as env' }).click();
    await page.getByText('Copied environment variables to the clipboard.').waitFor();
    const secret = (await app.core.secrets.vault.read('demo'))!.awsCredentials!.secretAccessKey;
    expect(await clipboard()).toContain(`export AWS_SECRET_ACCESS_KEY='${secret}'`);
    expect(await page.content()).not.toContain(secret); // it went to the clipboard, not into the page

    await page.getByRole('button', { name: 'Get guest credentials' }).click();
    await facts.getByText('guest (unauthenticated identity)').waitFor();
    await facts.getByText(/role for guests/).waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'AWS, dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('tab', { name: 'Tokens' }).click();
  });

  it('switches account (prompt=login) and signs out', async () => {
    await sessionActions().getByRole('button', { name: 'Switch account' }).click();
    await personSignsIn({ user: 'bob' });
    await session().getByRole('heading', { name: 'Bob Example' }).waitFor();
    await sessionActions().getByRole('button', { name: 'Sign out' }).click();
    await state('Signed out').waitFor();
    await page.getByText('Sign in to see your tokens').waitFor();
  });

  it('signs in with Google and shows the Google mark', async () => {
    await sessionActions().getByRole('button', { name: 'Sign in with Google' }).click();
    await personSignsIn({ google: true });
    await session().getByRole('heading', { name: 'Demo Google User' }).waitFor();
    await session().getByText(/via Google/).waitFor();
    await session().getByRole('img', { name: 'Google' }).first().waitFor();
  });

  it('shows a silent refresh in the header, with rotation, and highlights what changed in the tokens', async () => {
    await selectProfile('short');
    await sessionActions().getByRole('button', { name: 'Sign in', exact: true }).click();
    await personSignsIn();
    await state('Signed in').waitFor();
    // 12-second tokens: the session refreshes itself about half-way, with no click
    await expect.poll(() => page.getByTestId('last-refresh').textContent(), { timeout: 20_000 }).toMatch(/refreshed, refresh token rotated/);
    const diff = page.getByRole('note', { name: 'Changes in the ID token after the refresh' });
    await expect.poll(() => diff.textContent()).toMatch(/Changed by the last refresh:.*\bexp\b.*\biat\b.*\bjti\b/);
    expect(await diff.textContent()).not.toContain('unexpected');
    await page.getByRole('article', { name: 'ID token' }).getByRole('row', { name: /^jti.*new/ }).waitFor();
    expect(await page.getByRole('article', { name: 'Refresh token' }).textContent()).toContain('Rotationseen');
  });

  it('shows the waiting state with the URL and time left while the browser is open, and cancels it', async () => {
    await selectProfile('demo');
    await sessionActions().getByRole('button', { name: 'Switch account' }).click();
    const waiting = page.getByRole('region', { name: 'Waiting for the browser sign-in' });
    await waiting.getByText(/http:\/\/localhost:5368[23]\//).waitFor();
    expect(await waiting.textContent()).toMatch(/\d:\d\d left/);
    await expectAccessible(page, 'waiting');
    await waiting.getByRole('button', { name: 'Cancel sign-in' }).click();
    await waiting.waitFor({ state: 'detached' });
    app.clearBrowserUrls();
  });

  it('explains a redirect_mismatch next to the sign-in', async () => {
    await selectProfile('mismatch');
    await sessionActions().getByRole('button', { name: 'Sign in', exact: true }).click();
    const error = session().getByRole('alert', { name: 'Session error' });
    await expect.poll(() => error.textContent(), { timeout: 40_000 }).toMatch(/REDIRECT_MISMATCH/);
    expect(await error.textContent()).toContain(`Add http://localhost:${MISMATCH_PORT}/callback to the app client's Allowed callback URLs`);
    app.clearBrowserUrls();
  });

  it('explains an invalid_scope', async () => {
    await selectProfile('bad-scope');
    app.clearBrowserUrls();
    await sessionActions().getByRole('button', { name: 'Sign in', exact: true }).click();
    // The core may learn the refusal before the person's browser gets there; the page is opened
    // anyway, as a person would, and may find the loopback already closed.
    const hosted = await context.newPage();
    await hosted.goto(await app.nextBrowserUrl()).catch(() => undefined);
    await hosted.close();
    const error = session().getByRole('alert', { name: 'Session error' });
    await expect.poll(() => error.textContent(), { timeout: 20_000 }).toMatch(/INVALID_SCOPE/);
    expect(await error.textContent()).toContain('offline_access is not a Cognito scope');
  });

  it('adds a profile with the CLI schema’s errors shown per field', async () => {
    await page.getByRole('button', { name: 'Add profile' }).click();
    const form = page.getByRole('dialog', { name: 'Add a profile' });
    await form.getByLabel('Name').fill('new-one');
    await form.getByLabel('Issuer URL').fill('not a url');
    await form.getByLabel('App client id').fill('abc');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await form.getByText('expected the issuer URL (--issuer, or --region with --user-pool-id)').waitFor();
    expect(await form.getByLabel('Issuer URL').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'profile form');
    await form.getByLabel('Issuer URL').fill('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('complementary', { name: 'Profiles' }).getByRole('button', { name: /^new-one/ }).waitFor();
    await page.getByRole('tab', { name: 'AWS' }).click();
    await page.getByText('This profile has no identity pool: add one').waitFor();
  });

  it('imports an Amplify config from a file the page reads (the browser shell has no native picker); the core parses it', async () => {
    await page.getByLabel('Amplify config file').setInputFiles(join(import.meta.dirname, '../../fixtures/amplify/amplify_outputs.json'));
    const form = page.getByRole('dialog', { name: 'Import amplify-gen2 config' });
    expect(await form.getByLabel('Issuer URL').inputValue()).toMatch(/^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\//);
    await form.getByLabel('Name').fill('from-amplify');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('complementary', { name: 'Profiles' }).getByRole('button', { name: /^from-amplify/ }).waitFor();
  });

  it('lists its keyboard shortcuts in a help overlay', async () => {
    await page.locator('body').press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByRole('row', { name: /Alt\+R.*Refresh now/ }).waitFor();
    await expectAccessible(page, 'help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });
});
