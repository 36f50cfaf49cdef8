import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDiscoveryCache } from '../../../../main/core/auth/discovery.js';
import { refreshTokens } from '../../../../main/core/auth/refresh.js';
import { hostedLogoutUrl, revokeRefreshToken } from '../../../../main/core/auth/revoke.js';
import { signIn } from '../../../../main/core/auth/sign-in.js';
import type { ClientConfig, TokenSet } from '../../../../main/core/auth/types.js';
import type { AppError } from '../../../../main/core/errors/app-error.js';
import { systemClock } from '../../../../main/core/ports.js';
import { FetchBrowser } from '../../../support/hostile-idp/fetch-browser.js';
import { freePort } from '../../../support/session-fixtures.js';
import { emulatorWithChromium } from './support.js';

const world = emulatorWithChromium();
const discoveryCache = createDiscoveryCache();
const deps = { clock: systemClock, discoveryCache };

const cfg = (over: Partial<ClientConfig> = {}): ClientConfig => ({
  issuer: world.emulator.issuer, clientId: 'localdemoclient0000000000', scopes: ['openid', 'email', 'profile'],
  redirectUris: [`http://localhost:${world.port}/callback`], ...over,
});

/** Chromium as the system browser: open() navigates to the start URL and returns once the login page is up. */
function chromiumOpener(page: Page) {
  let opened!: () => void;
  const ready = new Promise<void>((r) => { opened = r; });
  return { ready, opener: { open: async (url: string) => { await page.goto(url); opened(); } } };
}

describe('against the Cognito emulator', () => {
  let tokens: TokenSet;

  it('signs alice in through the hosted UI in real Chromium; the page says signed in only after validation', async () => {
    const page = await world.chromium.newPage();
    const { ready, opener } = chromiumOpener(page);
    world.emulator.clearLog();
    let timing = -1;
    const result = signIn(cfg(), { ...deps, browser: opener, onTiming: (t) => { timing = t.callbackToTokensMs; } });
    await ready;
    await page.fill('#signInFormUsername', 'alice');
    await page.fill('#signInFormPassword', 'Passw0rd!');
    await page.click('button[name=signInSubmitButton]');
    tokens = await result;
    await page.waitForURL(/\/done\?id=/);
    expect(await page.textContent('h1')).toBe('Signed in');
    expect(page.url()).not.toContain('code=');
    expect(tokens.idClaims).toMatchObject({ sub: '1b3b6f4e-8a2c-4d5e-9f10-a1b2c3d4e5f6', email: 'alice@example.com', aud: 'localdemoclient0000000000', iss: world.emulator.issuer });
    expect(tokens.refreshToken).toEqual(expect.any(String));
    const oauthRequests = world.emulator.requestLog.map((e) => `${e.method} ${e.path}`).filter((p) => !/\/login|\/oauth2\/authorize|favicon/.test(p));
    // The JWKS is fetched while the user signs in, so the callback waits only for the token request.
    expect(oauthRequests).toEqual(['GET /us-east-1_LocalDemo/.well-known/openid-configuration', 'GET /us-east-1_LocalDemo/.well-known/jwks.json', 'POST /oauth2/token']);
    expect(timing).toBeGreaterThan(0);
    console.log(`callback → tokens verified: ${timing.toFixed(1)} ms`);
    await page.close();
  });

  it('refreshes: same user, the old refresh token kept (no rotation), a new access token', async () => {
    const next = await refreshTokens(cfg(), tokens.refreshToken ?? '', tokens, deps);
    expect(next.refreshToken).toBe(tokens.refreshToken);
    expect(next.accessToken).not.toBe(tokens.accessToken);
    expect(next.idClaims?.sub).toBe(tokens.idClaims?.sub);
  });

  it('builds the hosted-UI logout URL', async () => {
    expect(await hostedLogoutUrl(cfg(), `http://localhost:${world.port}/signed-out`, deps))
      .toBe(`${world.emulator.url}/logout?client_id=localdemoclient0000000000&logout_uri=${encodeURIComponent(`http://localhost:${world.port}/signed-out`)}`);
  });

  it('revokes the refresh token at /oauth2/revoke; a later refresh is INVALID_GRANT', async () => {
    expect(await revokeRefreshToken(cfg(), tokens.refreshToken ?? '', deps)).toEqual({ revoked: true });
    const error = await refreshTokens(cfg(), tokens.refreshToken ?? '', tokens, deps).then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as AppError);
    expect([error.code, error.hint]).toEqual(['INVALID_GRANT', 'The session has expired or was revoked: sign in again.']);
  });

  it('offline_access: INVALID_SCOPE whose hint says it is not a Cognito scope', async () => {
    const error = await signIn(cfg({ scopes: ['openid', 'offline_access'] }), { ...deps, browser: new FetchBrowser() }).then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as AppError);
    expect(error.code).toBe('INVALID_SCOPE');
    expect(error.hint).toContain('offline_access is not a Cognito scope');
  });

  it('an unregistered redirect URI: REDIRECT_MISMATCH at once (not at the timeout), saying which URL to add', async () => {
    const other = await freePort();
    // The authorize probe reads Cognito's error page while the browser is on it: the sign-in ends
    // long before this 5-minute timeout, which would otherwise give LOGIN_TIMEOUT.
    const error = await signIn(cfg({ redirectUris: [`http://localhost:${other}/callback`] }), { ...deps, browser: new FetchBrowser(), timeoutMs: 300_000 })
      .then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as AppError);
    expect([error.code, error.hint]).toEqual(['REDIRECT_MISMATCH',
      `Add http://localhost:${other}/callback to the app client's Allowed callback URLs (exact match: scheme, host, port, path and trailing slash).`]);
  });
});
