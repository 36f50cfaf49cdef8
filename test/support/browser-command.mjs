#!/usr/bin/env node
// A real browser for `cognito-inspector login --browser-command "node test/support/browser-command.mjs"`:
// Debian's Chromium (Playwright) opens the URL like a person would, signs in on the hosted UI's form
// with $BROWSER_USER / $BROWSER_PASSWORD (or picks the first "Google" account), and waits until the
// loopback page says how it ended. Prints that page's text to stderr. Plain JS: run without a build.
/* global document */
import { chromium } from 'playwright-core';

const url = process.argv.at(-1);
const user = process.env.BROWSER_USER ?? 'alice';
const password = process.env.BROWSER_PASSWORD ?? 'Passw0rd!';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});
try {
  const page = await browser.newPage();
  await page.goto(url);
  if (await page.locator('input[name="username"]').count()) {
    await page.fill('input[name="username"]', user);
    await page.fill('input[name="password"]', password);
    await page.click('button[type="submit"]');
  } else if (await page.locator('button[name="account"]').count()) {
    await page.locator('button[name="account"]').first().click();
  }
  // The loopback's result page (or an error page of the provider) is the end of the journey.
  await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
  await page.waitForFunction(() => !/waiting/i.test(document.body?.innerText ?? ''), null, { timeout: 20_000 }).catch(() => undefined);
  process.stderr.write(`[browser] ${page.url()}\n${(await page.innerText('body').catch(() => '')).slice(0, 500)}\n`);
} finally {
  await browser.close();
}
