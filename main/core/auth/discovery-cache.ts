import type { ServerMetadata } from 'openid-client';

/**
 * Per-process cache: discovery documents by issuer and JWKS documents by jwks_uri, so a login makes
 * one discovery request per issuer and one JWKS request per new kid.
 */
export interface DiscoveryCache {
  metadata: Map<string, ServerMetadata>;
  jwks: Map<string, { keys: Array<Record<string, unknown>> }>;
  /** JWKS requests in flight by jwks_uri, so a prefetch and a validation share one request. */
  pendingJwks: Map<string, Promise<unknown>>;
}

export function createDiscoveryCache(): DiscoveryCache {
  return { metadata: new Map(), jwks: new Map(), pendingJwks: new Map() };
}

export const defaultDiscoveryCache: DiscoveryCache = createDiscoveryCache();

/** Forgets one issuer (and its JWKS) or everything. */
export function clearDiscoveryCache(cache: DiscoveryCache = defaultDiscoveryCache, issuer?: string): void {
  if (issuer === undefined) {
    cache.metadata.clear();
    cache.jwks.clear();
    return;
  }
  const jwksUri = cache.metadata.get(issuer)?.jwks_uri;
  cache.metadata.delete(issuer);
  if (jwksUri !== undefined) cache.jwks.delete(jwksUri);
}
