import { describe, expect, it } from 'vitest';
import { issuerFetch, prefetchJwks } from '../../../../main/core/auth/issuer-fetch.js';
import { createDiscoveryCache } from '../../../../main/core/auth/discovery-cache.js';
import { recordingFetch } from '../../../support/recording-fetch.js';

/** The fetch openid-client uses refuses any URL off the egress rule before requesting it. */
describe('issuerFetch', () => {
  it.each([
    'http://idp.example.test/token',
    'http://169.254.169.254/latest/meta-data/',
  ])('refuses %s with no request', async (url) => {
    const rec = recordingFetch();
    const f = issuerFetch(rec.fetch, createDiscoveryCache(), {});
    const err = await f(url, { method: 'GET', redirect: 'manual' } as never).catch((e: unknown) => e);
    expect([(err as { code?: string }).code, rec.requested]).toEqual(['INSECURE_PROVIDER_ENDPOINT', []]);
  });

  it('refuses an off-rule jwks_uri, also when prefetching', async () => {
    const rec = recordingFetch();
    const cache = createDiscoveryCache();
    const jwksUri = 'http://keys.example.test/jwks.json';
    prefetchJwks(rec.fetch, cache, jwksUri, 1000);
    const err = await issuerFetch(rec.fetch, cache, { jwksUri })(jwksUri, { method: 'GET', redirect: 'manual' } as never).catch((e: unknown) => e);
    expect([(err as { code?: string }).code, rec.requested]).toEqual(['INSECURE_PROVIDER_ENDPOINT', []]);
  });
});
