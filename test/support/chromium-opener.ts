import type { Browser } from 'playwright-core';
import type { BrowserOpener } from '../../main/core/ports.js';

/**
 * Chromium as the user's system browser: open() loads the URL in a new page and, like a person,
 * signs in on the hosted UI's form. `done` resolves when the page settles on the loopback result page.
 */
export function chromiumOpener(browser: Browser, user = { username: 'alice', password: 'Passw0rd!' }): BrowserOpener & { done: Promise<string>[]; requests: string[] } {
  const done: Promise<string>[] = [];
  /** Every URL the pages requested (a test can find the authorization code among them). */
  const requests: string[] = [];
  return {
    done,
    requests,
    async open(url) {
      const page = await browser.newPage();
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(url);
      const journey = (async () => {
        if (await page.locator('input[name="username"]').count()) {
          await page.fill('input[name="username"]', user.username);
          await page.fill('input[name="password"]', user.password);
          await page.click('button[type="submit"]');
        }
        await page.waitForURL(/\/done/, { timeout: 20_000 }).catch(() => undefined);
        const text = await page.innerText('body').catch(() => '');
        await page.close();
        return text;
      })();
      done.push(journey);
    },
  };
}
