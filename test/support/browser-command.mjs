#!/usr/bin/env node
// A real browser for `cognito-inspector login --browser-command "node test/support/browser-command.mjs"`:
// Debian's Chromium (Playwright) opens the URL like a person would and goes through whatever the
// provider shows until the loopback page says how it ended. Prints that page's text to stderr.
//   - the emulator's hosted UI form: $BROWSER_USER / $BROWSER_PASSWORD (default alice / Passw0rd!);
//   - the emulator's Google chooser: the first account, or Cancel with BROWSER_ACTION=cancel;
//   - oidc-provider's devInteractions: its login form (input[name=login]), then the consent page.
// BROWSER_ACTION=none only loads the URL (to see where it lands). BROWSER_URL_LOG=FILE appends every
// URL the browser requests to FILE (a test's ground truth for the authorization code). Plain JS: run without a build.
/* global document */
import { appendFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const url = process.argv.at(-1);
const user = process.env.BROWSER_USER ?? 'alice';
const password = process.env.BROWSER_PASSWORD ?? 'Passw0rd!';
const action = process.env.BROWSER_ACTION ?? 'sign-in';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});

/** One step of a provider's pages; false when the page is none of them (the journey has ended). */
async function step(page) {
  if (await page.locator('input[name="username"]').count()) {
    await page.fill('input[name="username"]', user);
    await page.fill('input[name="password"]', password);
    await Promise.all([page.waitForNavigation().catch(() => undefined), page.click('button[type="submit"]')]);
    return true;
  }
  if (await page.locator('button[name="account"]').count()) {
    const button = action === 'cancel' ? page.locator('button[name="cancel"]') : page.locator('button[name="account"]').first();
    await Promise.all([page.waitForNavigation().catch(() => undefined), button.click()]);
    return true;
  }
  if (await page.locator('input[name="login"]').count()) {
    await page.fill('input[name="login"]', user);
    await page.fill('input[name="password"]', password);
    await Promise.all([page.waitForNavigation().catch(() => undefined), page.click('button[type="submit"]')]);
    return true;
  }
  if (await page.locator('input[name="prompt"][value="consent"]').count()) {
    await Promise.all([page.waitForNavigation().catch(() => undefined), page.click('button[type="submit"]')]);
    return true;
  }
  return false;
}

try {
  const page = await browser.newPage();
  const urlLog = process.env.BROWSER_URL_LOG;
  if (urlLog) page.on('request', (r) => appendFileSync(urlLog, `${r.url()}\n`));
  await page.goto(url);
  if (action !== 'none') {
    for (let i = 0; i < 5 && (await step(page).catch(() => false)); i++);
  }
  // The loopback's result page (or an error page of the provider) is the end of the journey.
  await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
  await page.waitForFunction(() => !/waiting/i.test(document.body?.innerText ?? ''), null, { timeout: 20_000 }).catch(() => undefined);
  process.stderr.write(`[browser] ${page.url()}\n${(await page.innerText('body').catch(() => '')).slice(0, 500)}\n`);
} finally {
  await browser.close();
}
