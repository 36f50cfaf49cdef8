import { describe, expect, it } from 'vitest';
import { getClient } from '../../../../main/core/auth/client.js';
import { createDiscoveryCache } from '../../../../main/core/auth/discovery-cache.js';

/**
 * An https issuer with a loopback hosted-UI domain: the domain's plain http turns on openid-client's
 * allowInsecureRequests for the whole configuration, so the issuer's own endpoints must still be
 * checked. The issuer is a stand-in fetch answering for https://idp.example.test (no TLS server here);
 * it also records every URL, so nothing is requested beyond discovery.
 */
const ISSUER = 'https://idp.example.test/pool';

function standIn(endpoints: Record<string, string>) {
  const requested: string[] = [];
  const fetchFn: typeof fetch = async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    requested.push(url);
    if (url !== `${ISSUER}/.well-known/openid-configuration`) throw new TypeError(`unexpected request to ${url}`);
    return new Response(JSON.stringify({
      issuer: ISSUER,
      authorization_endpoint: `${ISSUER}/authorize`,
      token_endpoint: `${ISSUER}/token`,
      jwks_uri: `${ISSUER}/jwks.json`,
      ...endpoints,
    }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetchFn, requested };
}

const cfg = { issuer: ISSUER, clientId: 'c', scopes: ['openid'], redirectUris: ['http://localhost:53682/callback'], hostedUiDomain: 'http://127.0.0.1:4610' };

describe('getClient with an https issuer and a loopback http hosted-UI domain', () => {
  // The domain replaces the OAuth endpoints; the JWKS (and anything else) still comes from discovery.
  it.each([
    ['jwks_uri', 'http://keys.example.test/jwks.json'],
    ['jwks_uri', 'http://169.254.169.254/latest/meta-data/'],
  ])('refuses an http %s off loopback from the https issuer (%s)', async (name, value) => {
    const { fetchFn, requested } = standIn({ [name]: value });
    const err = await getClient(cfg, { fetch: fetchFn, clock: { now: () => Date.now() }, discoveryCache: createDiscoveryCache() }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INSECURE_PROVIDER_ENDPOINT', details: { endpoint: name } });
    expect(requested).toEqual([`${ISSUER}/.well-known/openid-configuration`]);
  });

  it('accepts https endpoints with the loopback hosted-UI domain', async () => {
    const { fetchFn } = standIn({});
    const client = await getClient(cfg, { fetch: fetchFn, clock: { now: () => Date.now() }, discoveryCache: createDiscoveryCache() });
    expect([client.metadata.token_endpoint, client.metadata.jwks_uri]).toEqual(['http://127.0.0.1:4610/oauth2/token', `${ISSUER}/jwks.json`]);
  });
});
