import { decodeProtectedHeader } from 'jose';
import type { CustomFetch } from 'openid-client';
import { checkEgress } from '../net/egress.js';
import type { DiscoveryCache } from './discovery-cache.js';

type Jwks = { keys: Array<Record<string, unknown>> };

/** Mutable per-attempt state shared between the fetch wrapper and the caller. */
export interface FetchState {
  jwksUri?: string;
  /** The exact registered redirect URI, sent verbatim to the token endpoint. */
  redirectUri?: string;
  /** kid of the last ID token received (null: no kid), used to decide whether the cached JWKS suffices. */
  idTokenKid?: string | null;
}

const hasKey = (jwks: Jwks | undefined, kid: string | null | undefined) =>
  jwks !== undefined && (kid ? jwks.keys.some((k) => k.kid === kid) : jwks.keys.length > 0);

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

function isJwks(body: unknown): body is Jwks {
  return typeof body === 'object' && body !== null && Array.isArray((body as Jwks).keys);
}

/** One JWKS download into the cache; concurrent callers share it. Resolves with the failing Response, if any. */
function downloadJwks(base: typeof fetch, cache: DiscoveryCache, url: string, init?: RequestInit): Promise<Response | undefined> {
  const pending = cache.pendingJwks.get(url) as Promise<Response | undefined> | undefined;
  if (pending) return pending;
  const work = (async () => {
    checkEgress(url, 'the issuer\'s jwks_uri', 'INSECURE_PROVIDER_ENDPOINT');
    const res = await base(url, { ...init, redirect: 'manual' });
    if (!res.ok) return res;
    const parsed: unknown = await res.json();
    if (!isJwks(parsed)) return json(parsed);
    cache.jwks.set(url, parsed);
    return undefined;
  })().finally(() => cache.pendingJwks.delete(url));
  cache.pendingJwks.set(url, work);
  return work;
}

/**
 * Fetches the JWKS while the user is still in the browser, so validating the ID token does not wait
 * for it. Failures are ignored here; validation fetches again and reports them.
 */
export function prefetchJwks(base: typeof fetch, cache: DiscoveryCache, jwksUri: string | undefined, timeoutMs: number): void {
  if (jwksUri === undefined || cache.jwks.has(jwksUri)) return;
  downloadJwks(base, cache, jwksUri, { signal: AbortSignal.timeout(timeoutMs) }).catch(() => undefined);
}

/**
 * The fetch openid-client uses. It (0) refuses any URL off the egress rule (https, or http on
 * loopback) before requesting it; (1) serves the JWKS from our cache when it has the ID token's
 * kid, and otherwise fetches it, once more if the fresh copy still lacks the kid (key rotation in
 * progress; oauth4webapi alone would refetch only after 60 s); (2) sends the registered redirect_uri
 * string unchanged (openid-client would normalise it from the callback URL).
 */
export function issuerFetch(base: typeof fetch, cache: DiscoveryCache, state: FetchState): CustomFetch {
  return async (url, options) => {
    const init = options as RequestInit;
    const body = options.body;
    if (body instanceof URLSearchParams && body.get('grant_type') === 'authorization_code' && state.redirectUri !== undefined) {
      body.set('redirect_uri', state.redirectUri);
    }
    if (url === state.jwksUri && options.method === 'GET') {
      await cache.pendingJwks.get(url)?.catch(() => undefined);
      for (let attempt = 0; attempt < 2 && !hasKey(cache.jwks.get(url), state.idTokenKid); attempt++) {
        const failed = await downloadJwks(base, cache, url, init);
        if (failed) return failed;
      }
      return json(cache.jwks.get(url) ?? { keys: [] });
    }
    // Every request, before it is made: openid-client does not follow redirects (redirect: 'manual'),
    // so checking each URL it asks for checks every hop.
    checkEgress(url, 'an issuer endpoint', 'INSECURE_PROVIDER_ENDPOINT');
    const res = await base(url, init);
    if (body instanceof URLSearchParams && body.has('grant_type') && res.ok) {
      state.idTokenKid = await peekIdTokenKid(res.clone());
    }
    return res;
  };
}

async function peekIdTokenKid(res: Response): Promise<string | null | undefined> {
  try {
    const body = (await res.json()) as { id_token?: unknown };
    if (typeof body.id_token !== 'string') return undefined;
    const kid = decodeProtectedHeader(body.id_token).kid;
    return kid ?? null;
  } catch {
    return undefined; // not JSON or not a JWT: openid-client reports it properly.
  }
}
