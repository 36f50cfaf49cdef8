import type { BrowserOpener } from '../../../main/core/ports.js';

/**
 * A real HTTP client standing in for the user's browser: it follows the redirect chain from the
 * start URL (IdP authorize → loopback callback → result page) with fetch, keeping cookies per host and
 * path as a browser does (the loopback listener ties its callback to one). open() returns at once like
 * a real browser launch; `navigation` resolves with the last page once the chain ends.
 */
export class FetchBrowser implements BrowserOpener {
  visited: string[] = [];
  navigation: Promise<{ url: string; status: number; body: string }> | undefined;
  opened = 0;
  /** host → cookie name → { value, path } */
  private readonly jar = new Map<string, Map<string, { value: string; path: string }>>();

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
      const cookie = this.cookieHeader(new URL(url));
      const res = await fetch(url, { redirect: 'manual', ...(cookie ? { headers: { cookie } } : {}) });
      this.keepCookies(new URL(url), res.headers.getSetCookie());
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

  private cookieHeader(url: URL): string {
    const cookies = [...(this.jar.get(url.hostname) ?? [])].filter(([, c]) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`));
    return cookies.map(([name, c]) => `${name}=${c.value}`).join('; ');
  }

  private keepCookies(url: URL, setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attrs] = line.split(';').map((p) => p.trim());
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const path = attrs.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      const host = this.jar.get(url.hostname) ?? new Map<string, { value: string; path: string }>();
      this.jar.set(url.hostname, host);
      if (attrs.some((a) => /^max-age=0$/i.test(a))) host.delete(pair.slice(0, eq));
      else host.set(pair.slice(0, eq), { value: pair.slice(eq + 1), path });
    }
  }
}

/** Fails the test if anything tries to open a browser (for --no-browser paths). */
export const zeroBrowser: BrowserOpener = {
  open: (url) => Promise.reject(new Error(`no browser expected, got ${url}`)),
};
