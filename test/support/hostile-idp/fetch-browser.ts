import type { BrowserOpener } from '../../../main/core/ports.js';

/**
 * A real HTTP client standing in for the user's browser: it follows the redirect chain from the
 * start URL (IdP authorize → loopback callback → result page) with fetch. open() returns at once like
 * a real browser launch; `navigation` resolves with the last page once the chain ends.
 */
export class FetchBrowser implements BrowserOpener {
  visited: string[] = [];
  navigation: Promise<{ url: string; status: number; body: string }> | undefined;
  opened = 0;

  constructor(private readonly maxHops = 10) {}

  open(url: string): Promise<void> {
    this.opened++;
    this.navigation = this.follow(url);
    this.navigation.catch(() => undefined);
    return Promise.resolve();
  }

  private async follow(start: string) {
    let url = start;
    for (let hop = 0; hop < this.maxHops; hop++) {
      this.visited.push(url);
      const res = await fetch(url, { redirect: 'manual' });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        url = new URL(location, url).href;
        continue;
      }
      return { url, status: res.status, body: await res.text() };
    }
    throw new Error(`too many redirects from ${start}`);
  }
}

/** Fails the test if anything tries to open a browser (for --no-browser paths). */
export const zeroBrowser: BrowserOpener = {
  open: (url) => Promise.reject(new Error(`no browser expected, got ${url}`)),
};
