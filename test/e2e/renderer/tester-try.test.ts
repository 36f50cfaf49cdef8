import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { marker } from '../../../main/core/trace/redact.js';
import { launchChromium } from '../../support/browser.js';
import { ensureAppBuilt, ROOT } from '../../integration/web/support.js';
import { expectAccessible, startWindow, type WindowHarness } from './window-support.js';

const ALICE = '1b3b6f4e-8a2c-4d5e-9f10-a1b2c3d4e5f6';
const BOB = '2c4c7a5f-9b3d-4e6f-8a21-b2c3d4e5f6a7';

/**
 * The Tester tab's "Try" end to end: the real renderer in Chromium through the browser shell, the
 * real desktop core, keychain and local pool; the person signs in in a second page. After each Try
 * the saved profile (file and profiles:get) and the stored session (keychain entry, session:get)
 * are what they were.
 */
describe('the Tester tab: Try', () => {
  let app: WindowHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const tester = () => page.getByRole('tabpanel');
  const result = () => page.getByRole('region', { name: 'Try result' });
  const tryButton = () => tester().getByRole('button', { name: 'Try', exact: true });
  const state = (text: string) => page.getByRole('status', { name: `Session state: ${text}` });

  /**
   * The person in "the system browser": the hosted UI's form, or the simulated Google's account
   * chooser. A fresh browser profile each time, so no hosted-UI session decides who signs in.
   */
  async function personSignsIn(as: { user?: string; google?: boolean } = {}): Promise<void> {
    const fresh = await browser.newContext();
    const hosted = await fresh.newPage();
    await hosted.goto(await app.nextBrowserUrl());
    if (as.google) await hosted.getByRole('button', { name: /demo\.user@gmail\.com/ }).click();
    else {
      await hosted.fill('input[name="username"]', as.user ?? 'alice');
      await hosted.fill('input[name="password"]', 'Passw0rd!');
      await hosted.click('button[type="submit"]');
    }
    await hosted.waitForURL(/\/done/);
    await fresh.close();
  }

  /** What must not change: the profiles file, profiles:get, the keychain entry (by fingerprint) and session:get. */
  async function saved() {
    const stored = await app.core.secrets.vault.read('demo');
    const session = await app.core.handlers['session:get']({ profile: 'demo' } as never);
    return {
      file: await readFile(join(app.home, 'profiles.json'), 'utf8'),
      profile: await app.core.handlers['profiles:get']({ profile: 'demo' } as never),
      keychain: stored ? { refreshToken: stored.refreshToken && marker(stored.refreshToken), accessToken: marker(stored.accessToken ?? '') } : null,
      session: { state: session.state, sub: session.idToken ? decodeJwt(session.idToken).sub : undefined, accessToken: session.accessToken && marker(session.accessToken) },
    };
  }

  beforeAll(async () => {
    ensureAppBuilt();
    app = await startWindow({ signInTimeoutMs: 60_000 });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(app.shell.launchUrl('demo'));
    await state('Signed out').waitFor();
    await page.getByRole('tab', { name: 'Tester' }).click();
    // the form offers the profile's scopes checked, and discovery's others unchecked
    await tester().getByRole('checkbox', { name: 'phone' }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a Try through Google while signed out: the Google user\'s tokens are shown, and the profile stays signed out', async () => {
    const before = await saved();
    expect(before.session.state).toBe('signed-out');
    expect(before.keychain).toBeNull();
    expect(await tester().getByRole('checkbox', { name: 'openid' }).isChecked()).toBe(true);
    expect(await tester().getByRole('checkbox', { name: 'phone' }).isChecked()).toBe(false);

    await tester().getByLabel('Identity provider').fill('Google');
    await expect.poll(() => tester().getByLabel('Authorize URL preview').textContent()).toContain('identity_provider=Google');
    await tryButton().click();
    await tester().getByRole('button', { name: 'Cancel Try' }).waitFor();
    await tester().getByRole('group', { name: 'Try waiting for the browser' }).waitFor();
    await personSignsIn({ google: true });

    await expect.poll(() => tester().getByRole('status').filter({ hasText: /^Try/ }).textContent()).toBe('Try signed in: 4 of 4 asked scopes granted.');
    const id = result().getByRole('article', { name: 'Try ID token' });
    await id.getByRole('cell', { name: 'demo.user@gmail.com', exact: true }).first().waitFor();
    await expect.poll(() => id.getByRole('status', { name: 'Signature status' }).textContent()).toMatch(/^Signature verified/);
    expect(await saved()).toEqual(before);
    // The browser keeps its hosted-UI session: the result says how the next sign-in can be someone else.
    await result().getByText(/stays signed in to the hosted UI as this user.*Prompt "login"/).waitFor();
    await state('Signed out').waitFor();
    await tester().getByLabel('Identity provider').fill('');
  });

  it('a Try with an extra scope as another user: asked vs granted shown, the raw response masked until asked; the session stays alice\'s', async () => {
    await page.getByRole('group', { name: 'Session actions' }).getByRole('button', { name: 'Sign in', exact: true }).click();
    await personSignsIn({ user: 'alice' });
    await state('Signed in').waitFor();
    const before = await saved();
    expect(before.session.sub).toBe(ALICE);
    expect(before.keychain?.refreshToken).toMatch(/^‹redacted:/);

    await tester().getByRole('checkbox', { name: 'phone' }).check();
    await tester().getByLabel('Prompt').selectOption('login'); // the form again, despite alice's hosted-UI session
    await tryButton().click();
    await personSignsIn({ user: 'bob' });

    await expect.poll(() => tester().getByRole('status').filter({ hasText: /^Try/ }).textContent()).toBe('Try signed in: 5 of 5 asked scopes granted.');
    await result().getByText('The authorize URL this Try opened').click();
    expect(await result().locator('details code.url').textContent()).toMatch(/[?&]prompt=login&.*scope=openid\+email\+profile\+aws\.cognito\.signin\.user\.admin\+phone&/);
    const phone = result().getByRole('row', { name: /^phone/ });
    expect(await phone.textContent()).toBe("phoneyesyesadded for this Try (not in the profile's scopes)");
    expect(await result().getByRole('note', { name: 'Scopes summary' }).textContent()).toBe('Every scope asked was granted (from the access token).');

    const raw = result().getByLabel('Token endpoint response', { exact: true });
    const masked = JSON.parse((await raw.textContent())!) as Record<string, unknown>;
    expect(masked).toMatchObject({ id_token: expect.stringMatching(/^‹redacted:[0-9a-f]{4}›$/), access_token: expect.stringMatching(/^‹redacted:/), refresh_token: expect.stringMatching(/^‹redacted:/), token_type: 'Bearer', expires_in: 3600 });
    await result().getByRole('button', { name: 'Show tokens in full' }).click();
    const shown = JSON.parse((await raw.textContent())!) as Record<string, string>;
    expect(decodeJwt(shown.id_token!)).toMatchObject({ sub: BOB, 'cognito:username': 'bob' });
    expect(decodeJwt(shown.access_token!).scope).toBe('openid email profile aws.cognito.signin.user.admin phone');
    expect(shown.refresh_token).toBe(masked.refresh_token); // never shown
    expect(masked.id_token).toBe(marker(shown.id_token!)); // the Timeline's marker: the same token, the same marker
    await expectAccessible(page, 'Try result');
    await page.screenshot({ path: join(ROOT, 'test-results/tester-try-result.png'), fullPage: true }); // to look at, not compared

    expect(await saved()).toEqual(before);
    await state('Signed in').waitFor();
    await page.getByRole('region', { name: 'Session' }).getByRole('heading', { name: 'Alice Example' }).waitFor();
    // the Try's exchanges are in the profile's Timeline, redacted like the rest
    const timeline = await app.core.handlers['timeline:list']({ profile: 'demo' } as never);
    const tokenCalls = timeline.filter((e) => e.method === 'POST' && /\/oauth2\/token$/.test(e.url));
    expect(tokenCalls.length).toBeGreaterThanOrEqual(3); // the sign-in, the two Tries
    expect(JSON.stringify(timeline)).not.toContain(shown.access_token);
    await tester().getByRole('checkbox', { name: 'phone' }).uncheck();
    await tester().getByLabel('Prompt').selectOption('');
  });

  it('a Try with a bad scope: Cognito\'s raw invalid_scope next to our code and hint, at once (the fail-fast probe)', async () => {
    const before = await saved();
    await tester().getByLabel('Other scopes (space-separated)').fill('offline_access');
    const started = Date.now();
    await tryButton().click();
    const error = result().getByRole('alert', { name: 'Try error' });
    await error.waitFor();
    const elapsed = Date.now() - started;
    app.clearBrowserUrls(); // the person never went there
    expect(await error.textContent()).toMatch(/^INVALID_SCOPE The identity provider refused the requested scopes .*offline_access is not a Cognito scope/);
    const said = result().getByRole('group', { name: 'What Cognito said' });
    expect(await said.getByRole('definition').allTextContents()).toEqual([
      'invalid_request',
      'invalid_scope',
      expect.stringMatching(/^the error redirect to the callback .*\(HTTP 302\)$/),
      expect.stringMatching(/^http:\/\/localhost:5368[23]\/callback\?error_description=invalid_scope&state=[\w-]+&error=invalid_request$/),
    ]);
    await expect.poll(() => tester().getByRole('status').filter({ hasText: /^Try/ }).textContent()).toBe('Try refused: INVALID_SCOPE (Cognito: invalid_request invalid_scope).');
    expect(elapsed).toBeLessThan(5000);
    await expectAccessible(page, 'Try refused');
    await page.screenshot({ path: join(ROOT, 'test-results/tester-try-refused.png'), fullPage: true });
    expect(await saved()).toEqual(before);
    await tester().getByLabel('Other scopes (space-separated)').fill('');
  });

  it('Cancel ends a waiting Try; the last result comes back when the tab is opened again', async () => {
    await tryButton().click();
    await tester().getByRole('group', { name: 'Try waiting for the browser' }).waitFor(); // the core is listening: there is something to cancel
    await tester().getByRole('button', { name: 'Cancel Try' }).click();
    await result().getByRole('alert', { name: 'Try error' }).filter({ hasText: 'LOGIN_CANCELLED' }).waitFor();
    app.clearBrowserUrls();
    await page.getByRole('tab', { name: 'Tokens' }).click();
    await page.getByRole('tab', { name: 'Tester' }).click();
    await result().getByRole('alert', { name: 'Try error' }).filter({ hasText: 'LOGIN_CANCELLED' }).waitFor();
    // keyboard: Tab reaches Try from the last form field, Enter starts it, Escape cancels it
    await tester().getByLabel(/^Extra parameters/).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await tester().getByRole('group', { name: 'Try waiting for the browser' }).waitFor();
    await page.keyboard.press('Escape');
    await tester().getByRole('status').filter({ hasText: 'Try refused: LOGIN_CANCELLED.' }).waitFor();
    app.clearBrowserUrls();
  });
});
