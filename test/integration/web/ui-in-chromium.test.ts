import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecrets } from '../../../main/core/secrets/open-secrets.js';
import { launchChromium } from '../../support/browser.js';
import { personSignsIn } from '../../support/hosted-ui.js';
import { readEventStream } from './event-stream-reader.js';
import { ensureAppBuilt, startUi, UrlSink, type RunningUi } from './support.js';

/**
 * `cognito-inspector ui` as a person uses it: the process started like a user starts it, its
 * one-time link opened in Chromium, the window driven through the real HTTP bridge (fetch + SSE),
 * the sign-in done on the local pool's hosted UI in a second page. Found by role and name where the
 * window has them, so the same steps run against any renderer.
 */
describe('cognito-inspector ui in Chromium', () => {
  let ui: RunningUi;
  let sink: UrlSink;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const invokeBodies: string[] = [];

  beforeAll(async () => {
    ensureAppBuilt();
    sink = await UrlSink.start();
    ui = await startUi(['--no-browser', '--port', '0'], { sink });
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    page.on('response', (r) => {
      if (r.url().endsWith('/api/invoke')) void r.text().then((t) => invokeBodies.push(t), () => undefined);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    await sink?.close();
  });

  it('loads from the one-time link, which leaves the address bar and sets only an HttpOnly, SameSite=Strict cookie', async () => {
    await page.goto(ui.launchUrl);
    await page.waitForURL(`${ui.origin}/`);
    expect(await context.cookies()).toEqual([
      expect.objectContaining({ name: `cognito_inspector_${ui.port}`, domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Strict', expires: -1 }),
    ]);
    // no profile configured: the embedded local pool is offered, and shown
    const local = page.getByRole('complementary', { name: 'Profiles' }).getByRole('button', { name: /local-demo/ });
    await expect.poll(() => local.getAttribute('aria-current')).toBe('true');
  });

  it('signs in to the local pool, shows the tokens and AWS credentials, signs out; no refresh token or secret key ever reaches the page', async () => {
    const [cookie] = await context.cookies();
    const events = readEventStream(ui, `${cookie!.name}=${cookie!.value}`);
    await events.until(/: connected/);

    const actions = page.getByRole('group', { name: 'Session actions' });
    await actions.getByRole('button', { name: 'Sign in', exact: true }).click();
    // the core opened "the system browser" (our --browser-command): the person signs in there
    await personSignsIn(context, sink.next());

    await page.getByRole('status', { name: 'Session state: Signed in' }).waitFor();
    await page.getByRole('cell', { name: 'alice', exact: true }).first().waitFor();
    await events.until(/event: session:changed\ndata: \{[^\n]*"state":"signed-in"/);

    await page.getByRole('tab', { name: 'AWS' }).click();
    await page.getByRole('button', { name: 'Get credentials', exact: true }).click();
    await page.getByText(/^ASIA[A-Z0-9]+$/).waitFor();

    // What the core keeps to itself, read from the same keychain the ui process writes to.
    const stored = await (await openSecrets()).vault.read('local-demo');
    const refreshToken = stored?.refreshToken;
    const secretKey = stored?.awsCredentials?.secretAccessKey;
    expect(refreshToken).toEqual(expect.any(String));
    expect(secretKey).toEqual(expect.any(String));

    await actions.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('status', { name: 'Session state: Signed out' }).waitFor();
    await events.until(/"state":"signed-out"/);
    events.close();

    const seen = [...invokeBodies, events.text(), await page.content()].join('\n');
    expect(invokeBodies.some((b) => b.includes('"idToken"'))).toBe(true);
    expect(seen).not.toContain(refreshToken!);
    expect(seen).not.toContain(secretKey!);
  });

  it('prints the launch secret once, on the link line only, and stops on Ctrl-C saying so', async () => {
    const secret = new URL(ui.launchUrl).searchParams.get('secret')!;
    expect(secret.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits, base64url
    const lines = ui.stdout().split('\n').filter((l) => l.includes(secret));
    expect(lines).toEqual([`  ${ui.launchUrl}`]);
    expect(ui.stderr()).not.toContain(secret);
    expect(await ui.stop()).toBe(0);
    expect(ui.stdout()).toMatch(/Stopping \(Ctrl-C\)/);
  });
});

describe('cognito-inspector ui opening the browser itself', () => {
  it('hands the browser a private file, not the link (a command line is public), and the page loads through it', async () => {
    ensureAppBuilt();
    const sink = await UrlSink.start();
    const ui = await startUi(['--port', '0'], { sink });
    const browser = await launchChromium();
    try {
      const opened = await sink.next();
      expect(opened).toMatch(/^file:\/\/.*\/open\.html$/);
      const secret = new URL(ui.launchUrl).searchParams.get('secret')!;
      expect(opened).not.toContain(secret);
      const file = fileURLToPath(opened);
      expect((await stat(file)).mode & 0o777).toBe(0o600);

      const page = await browser.newPage();
      await page.goto(opened);
      await page.waitForURL(`${ui.origin}/`);
      await page.getByRole('complementary', { name: 'Profiles' }).getByRole('button', { name: /local-demo/ }).waitFor();
      // used: the file is gone
      await expect.poll(() => stat(file).then(() => 'present', () => 'gone')).toBe('gone');
    } finally {
      await browser.close();
      await ui.stop();
      await sink.close();
    }
  });
});
