import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/browser.js';
import { ensureAppBuilt } from '../../integration/web/support.js';
import { MISMATCH_PORT, startWindow, type WindowHarness } from './window-support.js';

/**
 * The Tester tab's "Check app client" in Chromium through the browser shell, against the real local
 * pool: the checklist a person reads, a failure with its fix, and the admin reads (the emulator takes
 * any well-signed AWS credentials; the AWS SDK's chain reads them from this process's environment).
 */
describe('the Tester tab: Check app client, and the form', () => {
  let app: WindowHarness;
  let browser: Browser;
  let page: Page;
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

  const checklist = () => page.getByRole('list', { name: 'Doctor checklist' });
  const item = (status: string, id: string) => checklist().getByRole('listitem').filter({ hasText: new RegExp(`^${status} ${id}\\b`, 'i') });
  const check = async () => {
    await page.getByRole('button', { name: 'Check app client' }).click();
    await page.getByRole('button', { name: 'Check app client' }).and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
  };
  const selectProfile = (name: string) => page.getByRole('complementary', { name: 'Profiles' }).getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();

  beforeAll(async () => {
    ensureAppBuilt();
    process.env.AWS_ACCESS_KEY_ID = 'AKIATESTDOCTORWINDOW';
    process.env.AWS_SECRET_ACCESS_KEY = 'doctor-window-test-secret';
    app = await startWindow({ signInTimeoutMs: 60_000 });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(app.shell.launchUrl('demo'));
    await page.getByRole('tab', { name: 'Tester' }).click();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    for (const [k, v] of [['AWS_ACCESS_KEY_ID', saved.id], ['AWS_SECRET_ACCESS_KEY', saved.secret]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('a profile that names an identity provider shows it in the form; clearing it previews the hosted UI\'s choice', async () => {
    const demo = await app.core.handlers['profiles:get']({ profile: 'demo' } as never);
    const saved = await app.core.handlers['profiles:save']({ profile: { ...demo, name: 'forced', identityProvider: 'Google' }, dryRun: false } as never);
    expect(saved.issues).toEqual([]);
    await selectProfile('forced');
    const field = page.getByRole('tabpanel').getByLabel('Identity provider');
    const preview = page.getByRole('tabpanel').getByLabel('Authorize URL preview');
    await expect.poll(() => field.inputValue()).toBe('Google');
    await expect.poll(() => preview.textContent()).toContain('identity_provider=Google');
    await field.fill('');
    await expect.poll(() => preview.textContent()).not.toContain('identity_provider=');
    await expect(app.core.handlers['profiles:get']({ profile: 'forced' } as never)).resolves.toMatchObject({ identityProvider: 'Google' });
  }, 60_000);

  it('an unregistered callback URL: the checklist shows the failure and what to change', async () => {
    await selectProfile('mismatch');
    await check();
    const bad = item('fail', 'redirect-uri');
    await expect(bad.textContent()).resolves.toContain(`http://localhost:${MISMATCH_PORT}/callback`);
    await expect(bad.textContent()).resolves.toMatch(/fix: .*Allowed callback URLs|fix: .*callback/i);
    expect(await item('pass', 'discovery').count()).toBe(1);
    await expect(page.getByRole('status').filter({ hasText: /^1 failed, / }).count()).resolves.toBe(1);
  }, 90_000);

  it('"Also read the settings" adds the admin checks read through the AWS SDK', async () => {
    await selectProfile('demo');
    await page.getByRole('checkbox', { name: 'Also read the settings (needs AWS credentials)' }).check();
    await check();
    await item('pass', 'admin-access').or(item('pass', 'callback-urls')).first().waitFor();
    expect(await item('fail', 'admin-access').count()).toBe(0);
    await expect(page.getByRole('status').filter({ hasText: /^Nothing failed, / }).count()).resolves.toBe(1);
    for (const id of ['callback-urls', 'oauth-flows', 'identity-pool-provider', 'role-mapping']) {
      expect(await checklist().getByRole('listitem').filter({ hasText: new RegExp(`^(pass|warn) ${id}\\b`) }).count(), id).toBeGreaterThan(0);
    }
  }, 90_000);
});
