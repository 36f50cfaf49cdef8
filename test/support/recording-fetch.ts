import { isLoopbackHost } from '../../main/core/net/loopback.js';

/**
 * A fetch that records every URL asked of it and passes loopback requests to the real fetch. It never
 * sends anything off this machine: a non-loopback URL is recorded and answered with an error, and so
 * is a request that lets the platform follow redirects on its own (which could connect anywhere
 * before the caller could check). Tests assert on `requested`.
 */
export function recordingFetch(): { fetch: typeof fetch; requested: string[] } {
  const requested: string[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requested.push(url.href);
    if (!isLoopbackHost(url.hostname)) throw new TypeError(`recording fetch: refusing to send traffic off this machine (${url.href})`);
    if (init?.redirect !== 'manual') throw new TypeError(`recording fetch: redirect must be 'manual', got ${String(init?.redirect)}`);
    return fetch(input, init);
  };
  return { fetch: wrapped, requested };
}
