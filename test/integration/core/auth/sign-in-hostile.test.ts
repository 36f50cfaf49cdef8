import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscoveryCache } from '../../../../main/core/auth/discovery.js';
import { signIn } from '../../../../main/core/auth/sign-in.js';
import type { ClientConfig } from '../../../../main/core/auth/types.js';
import { AppError } from '../../../../main/core/errors/app-error.js';
import { systemClock } from '../../../../main/core/ports.js';
import { FetchBrowser } from '../../../support/hostile-idp/fetch-browser.js';
import type { Scenario } from '../../../support/hostile-idp/scenarios.js';
import { startHostileIdp, type HostileIdp } from '../../../support/hostile-idp/server.js';

let idp: HostileIdp;
beforeAll(async () => { idp = await startHostileIdp({ slowTokenMs: 3000 }); });
afterAll(() => idp.stop());

const config = (): ClientConfig => ({
  issuer: idp.issuer, clientId: idp.clientId, scopes: ['openid', 'email'], redirectUris: ['http://localhost:0/callback'],
});

async function attempt(scenario: Scenario, extra: { timeoutMs?: number; httpTimeoutMs?: number } = {}) {
  idp.scenario = scenario;
  const browser = new FetchBrowser();
  const outcome = await signIn(config(), {
    clock: systemClock, browser, discoveryCache: createDiscoveryCache(), timeoutMs: extra.timeoutMs ?? 10_000,
    ...(extra.httpTimeoutMs !== undefined && { httpTimeoutMs: extra.httpTimeoutMs }),
  }).then((tokens) => ({ tokens }), (error: unknown) => ({ error }));
  // When the authorize probe decides first, the listener is gone before the browser arrives.
  const page = await browser.navigation?.catch(() => undefined);
  return { outcome, page };
}

describe('signIn against a hostile identity provider', () => {
  it.each<[Scenario]>([['good'], ['rotated-key'], ['no-kid']])('%s: accepted, the result page says signed in', async (scenario) => {
    const { outcome, page } = await attempt(scenario);
    expect('tokens' in outcome && outcome.tokens.idClaims?.sub).toBe('user-123');
    expect(page?.status).toBe(200);
    expect(page?.body).toContain('Signed in');
  });

  it.each<[Scenario, string, Record<string, unknown>?]>([
    ['bad-signature', 'BAD_SIGNATURE'],
    ['alg-none', 'ALG_NOT_ALLOWED'],
    ['wrong-iss', 'ISSUER_MISMATCH', { claim: 'iss' }],
    ['wrong-aud', 'AUDIENCE_MISMATCH', { claim: 'aud' }],
    ['multi-aud-no-azp', 'AUDIENCE_MISMATCH', { claim: 'aud' }],
    ['missing-sub', 'MISSING_CLAIM', { claim: 'sub' }],
    ['missing-iat', 'MISSING_CLAIM', { claim: 'iat' }],
    ['wrong-nonce', 'NONCE_MISMATCH', { claim: 'nonce' }],
    ['expired', 'TOKEN_EXPIRED', { claim: 'exp' }],
    ['iat-future', 'CLOCK_SKEW', { claim: 'iat' }],
    ['bad-at-hash', 'AT_HASH_MISMATCH', { claim: 'at_hash' }],
    ['unknown-kid', 'UNKNOWN_KID'],
    ['callback-wrong-iss', 'ISSUER_MISMATCH'],
    ['token-500-html', 'SERVER_ERROR'],
    ['token-200-html', 'SERVER_ERROR'],
  ])('%s: rejected as %s, no tokens, the result page shows the error', async (scenario, code, details) => {
    const { outcome, page } = await attempt(scenario);
    expect(outcome).not.toHaveProperty('tokens');
    const error = (outcome as { error: unknown }).error;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    if (details) expect((error as AppError).details).toMatchObject(details);
    expect(page?.status).toBe(400);
    expect(page?.body).toContain(code);
  });

  it.each<[Scenario, RegExp, Record<string, unknown>]>([
    ['crit-header', /marks a header extension as critical \(crit: urn:example:must-understand\)/, { crit: ['urn:example:must-understand'] }],
    ['token-type-mac', /answered with token_type "mac"; only Bearer tokens can be used/, { tokenType: 'mac' }],
  ])('%s: the provider\'s fault is named as such (PROVIDER_INVALID_RESPONSE, not INTERNAL), no tokens', async (scenario, message, details) => {
    const { outcome, page } = await attempt(scenario);
    const error = (outcome as { error: AppError }).error;
    expect(error.toInfo()).toEqual({
      code: 'PROVIDER_INVALID_RESPONSE', message: expect.stringMatching(message),
      hint: expect.stringMatching(/^This is the identity provider's doing, not a fault of Cognito Inspector: check /),
      details: { libraryCode: 'OAUTH_UNSUPPORTED_OPERATION', ...details },
    });
    expect(error.message).toContain(idp.issuer);
    expect(JSON.stringify(error.toInfo())).not.toMatch(/at-|rt-|eyJ/); // the refused body held tokens: none leak into the error
    expect(page?.body).toContain('PROVIDER_INVALID_RESPONSE');
  });

  // An error redirect is also what the authorize probe sees (one request beside the browser), so the
  // sign-in ends with it at once, whichever arrives first.
  it.each<[Scenario, string, Record<string, unknown>]>([
    ['error-callback', 'ACCESS_DENIED', { error: 'access_denied' }],
    ['invalid-scope', 'INVALID_SCOPE', { error: 'invalid_request', error_description: 'invalid_scope' }],
  ])('%s: rejected as %s, no tokens', async (scenario, code, details) => {
    const { outcome } = await attempt(scenario);
    expect(outcome).not.toHaveProperty('tokens');
    expect((outcome as { error: AppError }).error.toInfo()).toMatchObject({ code, details });
  });

  it('slow token endpoint: REQUEST_TIMEOUT after the HTTP timeout', async () => {
    const { outcome } = await attempt('slow-token', { httpTimeoutMs: 500 });
    expect((outcome as { error: AppError }).error.code).toBe('REQUEST_TIMEOUT');
  });

  it('redirect_mismatch on the IdP error page: REDIRECT_MISMATCH at once (the authorize probe), whose hint says what to register', async () => {
    const { outcome } = await attempt('redirect-mismatch', { timeoutMs: 30_000 });
    const error = (outcome as { error: AppError }).error;
    expect(error.code).toBe('REDIRECT_MISMATCH');
    expect(error.details).toMatchObject({ errorPage: true });
    expect(error.hint).toMatch(/^Add http:\/\/localhost:\d+\/callback to the app client's Allowed callback URLs/);
  });
});
