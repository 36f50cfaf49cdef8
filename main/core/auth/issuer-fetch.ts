import { decodeProtectedHeader } from 'jose';
import type { CustomFetch } from 'openid-client';
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

const hasKey = (jwks: Jwks, kid: string | null | undefined) =>
  kid ? jwks.keys.some((k) => k.kid === kid) : jwks.keys.length > 0;

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

function isJwks(body: unknown): body is Jwks {
  return typeof body === 'object' && body !== null && Array.isArray((body as Jwks).keys);
}

/**
 * The fetch openid-client uses. It (1) serves the JWKS from our cache when it has the ID token's
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
      const cached = cache.jwks.get(url);
      if (cached && hasKey(cached, state.idTokenKid)) return json(cached);
      for (let attempt = 0; ; attempt++) {
        const res = await base(url, init);
        if (!res.ok) return res;
        const parsed: unknown = await res.json();
        if (!isJwks(parsed)) return json(parsed);
        cache.jwks.set(url, parsed);
        if (hasKey(parsed, state.idTokenKid) || attempt >= 1) return json(parsed);
      }
    }
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
