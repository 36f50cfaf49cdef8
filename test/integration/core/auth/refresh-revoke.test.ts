import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscoveryCache } from '../../../../main/core/auth/discovery.js';
import { refreshTokens } from '../../../../main/core/auth/refresh.js';
import { hostedLogoutUrl, revokeRefreshToken } from '../../../../main/core/auth/revoke.js';
import { signIn } from '../../../../main/core/auth/sign-in.js';
import type { ClientConfig, TokenSet } from '../../../../main/core/auth/types.js';
import type { AppError } from '../../../../main/core/errors/app-error.js';
import { systemClock } from '../../../../main/core/ports.js';
import { FetchBrowser } from '../../../support/hostile-idp/fetch-browser.js';
import { startHostileIdp, type HostileIdp } from '../../../support/hostile-idp/server.js';

let idp: HostileIdp;
let first: TokenSet;
const deps = { clock: systemClock, discoveryCache: createDiscoveryCache() };
const cfg = (): ClientConfig => ({ issuer: idp.issuer, clientId: idp.clientId, scopes: ['openid'], redirectUris: ['http://localhost:0/callback'] });
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as AppError);

beforeAll(async () => {
  idp = await startHostileIdp();
  first = await signIn(cfg(), { ...deps, browser: new FetchBrowser() });
});
afterAll(() => idp.stop());

describe('refreshTokens / revokeRefreshToken / hostedLogoutUrl (generic OIDC issuer)', () => {
  it('refresh validates the new ID token and keeps the refresh token when none is returned', async () => {
    idp.scenario = 'good';
    const next = await refreshTokens(cfg(), first.refreshToken ?? '', first, deps);
    expect(next).toEqual({
      idToken: expect.stringMatching(/^ey/), accessToken: expect.stringMatching(/^at-/), refreshToken: first.refreshToken,
      tokenType: 'Bearer', expiresAt: expect.any(Number), idClaims: expect.objectContaining({ sub: 'user-123', iss: idp.issuer }),
    });
  });

  it('refresh returning an ID token for another user: SUBJECT_CHANGED, nothing returned', async () => {
    idp.scenario = 'refresh-other-sub';
    const error = await failure(refreshTokens(cfg(), first.refreshToken ?? '', first, deps));
    expect(error.toInfo()).toEqual({ code: 'SUBJECT_CHANGED', message: 'The refreshed ID token is for a different user than the first one.',
      hint: 'Sign in again; the stored session is not used.', details: { claim: 'sub' } });
  });

  it('an unknown refresh token: INVALID_GRANT saying to sign in again', async () => {
    idp.scenario = 'good';
    const error = await failure(refreshTokens(cfg(), 'rt-unknown', first, deps));
    expect([error.code, error.hint]).toEqual(['INVALID_GRANT', 'The session has expired or was revoked: sign in again.']);
  });

  it('revokes at the advertised revocation_endpoint', async () => {
    expect(await revokeRefreshToken(cfg(), first.refreshToken ?? '', deps)).toEqual({ revoked: true });
    expect(idp.revoked).toEqual([first.refreshToken]);
  });

  it('builds an RP-initiated logout URL from end_session_endpoint', async () => {
    expect(await hostedLogoutUrl(cfg(), 'http://localhost:53682/signed-out', deps))
      .toBe(`${idp.issuer}/logout?client_id=${idp.clientId}&post_logout_redirect_uri=${encodeURIComponent('http://localhost:53682/signed-out')}`);
  });
});
