import type { Browser } from 'playwright-core';
import type { BrowserOpener } from '../../main/core/ports.js';

/**
 * Chromium as the user's system browser: open() loads the URL in a new page and, like a person,
 * signs in on the hosted UI's form. `done` resolves when the page settles on the loopback result page.
 */
export function chromiumOpener(browser: Browser, user = { username: 'alice', password: 'Passw0rd!' }): BrowserOpener & { done: Promise<string>[] } {
  const done: Promise<string>[] = [];
  return {
    done,
    async open(url) {
      const page = await browser.newPage();
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
