import type { Clock, Fetch } from '../ports.js';

/**
 * A fetch that remembers successful GETs of discovery documents and JWKS for a while, so the app's
 * inspector does not ask the issuer again each time it shows a token. Other requests pass through.
 */
export function cachingFetch(base: Fetch, clock: Clock, ttlMs = 10 * 60_000): Fetch {
  const cache = new Map<string, { at: number; status: number; type: string; body: string }>();
  const cacheable = (url: string) => /\/\.well-known\/(openid-configuration|jwks\.json)$/.test(new URL(url).pathname);
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (method !== 'GET' || !cacheable(url)) return base(input, init);
    const hit = cache.get(url);
    if (hit && clock.now() - hit.at < ttlMs) return new Response(hit.body, { status: hit.status, headers: { 'content-type': hit.type } });
    const res = await base(input, init);
    if (res.status === 200) {
      const body = await res.clone().text();
      cache.set(url, { at: clock.now(), status: 200, type: res.headers.get('content-type') ?? 'application/json', body });
    }
    return res;
  };
}
