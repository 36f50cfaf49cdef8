import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/browser.js';
import { personSignsIn } from '../../support/hosted-ui.js';
import { ensureAppBuilt, startUi, UrlSink, type RunningUi } from '../../integration/web/support.js';
import { expectAccessible } from './window-support.js';

/**
 * `cognito-inspector ui` on a machine with no keychain (no Secret Service on the session bus): the
 * window says so once, plainly, and the session it signs in lives in memory only.
 */
describe('the window without a keychain', () => {
  let ui: RunningUi;
  let sink: UrlSink;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ensureAppBuilt();
    sink = await UrlSink.start();
    ui = await startUi(['--no-browser', '--port', '0'], { sink, env: { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(tmpdir(), `no-such-bus-${randomUUID()}`)}` } });
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(ui.launchUrl);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    await sink?.close();
  });

  it('warns once that sessions live in memory, and the signed-in session says where its refresh token is', async () => {
    const warning = page.getByRole('alert', { name: 'Keychain unavailable' });
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/The keychain is unavailable \(KEYCHAIN_UNAVAILABLE\)\.\s*Sessions live in memory only/);
    expect(await page.getByRole('alert', { name: 'Keychain unavailable' }).count()).toBe(1);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectAccessible(page, `keychain warning, ${scheme}`);
    }

    await page.getByRole('group', { name: 'Session actions' }).getByRole('button', { name: 'Sign in', exact: true }).click();
    await personSignsIn(context, sink.next());
    await page.getByRole('status', { name: 'Session state: Signed in' }).waitFor();
    expect(await page.getByRole('article', { name: 'Refresh token' }).textContent()).toContain('memory only (lost when the app quits)');

    await warning.getByRole('button', { name: 'Dismiss' }).click();
    await warning.waitFor({ state: 'detached' });
  });
});
