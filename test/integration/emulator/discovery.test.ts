import * as oidc from 'openid-client';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/index.js';
import { CALLBACK, CLIENT_ID, authorizeParams, pkce, signInHttp, startEmulator, tokensFor } from './support.js';

describe('discovery and JWKS', () => {
  let e: Emulator;
  beforeAll(async () => {
    e = await startEmulator();
  });
  afterAll(() => e.stop());

  it('serves the discovery document as compact JSON with alphabetical keys', async () => {
    const res = await fetch(`${e.issuer}/.well-known/openid-configuration`);
    const d = e.url;
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(await res.text()).toBe(
      JSON.stringify({
        authorization_endpoint: `${d}/oauth2/authorize`,
        end_session_endpoint: `${d}/logout`,
        id_token_signing_alg_values_supported: ['RS256'],
        issuer: e.issuer,
        jwks_uri: `${e.issuer}/.well-known/jwks.json`,
        response_types_supported: ['code', 'token'],
        scopes_supported: ['openid', 'email', 'phone', 'profile'],
        subject_types_supported: ['public'],
        token_endpoint: `${d}/oauth2/token`,
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        userinfo_endpoint: `${d}/oauth2/userInfo`,
      }),
    );
    expect(e.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/us-east-1_LocalDemo$/);
  });

  it('publishes two RS256 keys with Cognito-style kids; ID and access tokens use different ones', async () => {
    const { keys } = (await (await fetch(`${e.issuer}/.well-known/jwks.json`)).json()) as { keys: Record<string, string>[] };
    expect(keys).toHaveLength(2);
    for (const k of keys) {
      expect(Object.keys(k)).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
      expect([k.alg, k.e, k.kty, k.use]).toEqual(['RS256', 'AQAB', 'RSA', 'sig']);
      expect(k.kid).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    }
    const t = await tokensFor(e);
    const idKid = decodeProtectedHeader(t.id_token).kid;
    const accessKid = decodeProtectedHeader(t.access_token).kid;
    expect(decodeProtectedHeader(t.id_token)).toEqual({ kid: idKid, alg: 'RS256' });
    expect(idKid).not.toBe(accessKid);
    expect(new Set([idKid, accessKid])).toEqual(new Set(keys.map((k) => k.kid)));
    const jwks = createRemoteJWKSet(new URL(`${e.issuer}/.well-known/jwks.json`));
    await expect(jwtVerify(t.id_token, jwks, { issuer: e.issuer, audience: CLIENT_ID })).resolves.toBeDefined();
    await expect(jwtVerify(t.access_token, jwks, { issuer: e.issuer })).resolves.toBeDefined();
  });

  it('works with openid-client as an independent relying party (discovery, code + PKCE, ID token checks, userInfo, refresh)', async () => {
    const config = await oidc.discovery(new URL(e.issuer), CLIENT_ID, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
    const { verifier, challenge } = pkce();
    const q = authorizeParams({ code_challenge: challenge, code_challenge_method: 'S256', nonce: 'nonce-1', state: 'state-1' });
    const { location } = await signInHttp(e, q);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(location), {
      pkceCodeVerifier: verifier,
      expectedState: 'state-1',
      expectedNonce: 'nonce-1',
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    expect(claims?.sub).toBe('1b3b6f4e-8a2c-4d5e-9f10-a1b2c3d4e5f6');
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims?.sub ?? '');
    expect(info.email_verified).toBe('true');
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token ?? '');
    expect(refreshed.refresh_token).toBeUndefined();
    expect(refreshed.claims()?.sub).toBe(claims?.sub);
    expect(location.startsWith(`${CALLBACK}?code=`)).toBe(true);
  });
});
