import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/index.js';
import { CALLBACK, CLIENT_ID, authorizeParams, configWith, manualClock, signInHttp, startEmulator } from './support.js';

describe('GET /oauth2/authorize checks (plain HTTP)', () => {
  let e: Emulator;
  beforeAll(async () => {
    e = await startEmulator({ config: configWith({ allowedScopes: ['openid', 'email'], allowedFlows: ['code'] }) });
  });
  afterAll(() => e.stop());

  const locationOf = async (q: URLSearchParams) => {
    const res = await fetch(`${e.url}/oauth2/authorize?${q.toString()}`, { redirect: 'manual' });
    return [res.status, res.headers.get('location')?.replace(e.url, '<domain>')];
  };

  it.each<[string, Record<string, string | undefined>, string]>([
    ['a registered redirect → /login with the same query', { scope: 'openid' }, `<domain>/login?client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent(CALLBACK)}&response_type=code&scope=openid&state=st-1`],
    ['another port', { redirect_uri: 'http://localhost:53684/callback' }, `<domain>/error?error=redirect_mismatch&client_id=${CLIENT_ID}`],
    ['a trailing slash', { redirect_uri: `${CALLBACK}/` }, `<domain>/error?error=redirect_mismatch&client_id=${CLIENT_ID}`],
    ['another case', { redirect_uri: 'http://localhost:53682/Callback' }, `<domain>/error?error=redirect_mismatch&client_id=${CLIENT_ID}`],
    ['no redirect_uri', { redirect_uri: undefined }, `<domain>/error?error=redirect_mismatch&client_id=${CLIENT_ID}`],
    ['an unknown client', { client_id: 'nosuchclient' }, '<domain>/error?error=invalid_request&client_id=nosuchclient'],
    ['an unallowed scope', { scope: 'openid profile' }, `${CALLBACK}?error_description=invalid_scope&state=st-1&error=invalid_request`],
    ['offline_access', { scope: 'openid offline_access', state: undefined }, `${CALLBACK}?error_description=invalid_scope&error=invalid_request`],
    ['an unallowed flow (token)', { response_type: 'token', scope: 'openid' }, `${CALLBACK}#error_description=unauthorized_client&state=st-1&error=invalid_request`],
    ['code_challenge_method=plain', { scope: 'openid', code_challenge: 'abc', code_challenge_method: 'plain' }, `${CALLBACK}?error_description=Invalid+code_challenge_method&state=st-1&error=invalid_request`],
    ['a challenge without method', { scope: 'openid', code_challenge: 'abc' }, `${CALLBACK}?error_description=Invalid+code_challenge+or+code_challenge_method&state=st-1&error=invalid_request`],
    ['an identity provider the client lacks', { scope: 'openid', identity_provider: 'Facebook' }, `${CALLBACK}?error_description=unauthorized_client&state=st-1&error=invalid_request`],
  ])('%s', async (_name, overrides, expected) => {
    expect(await locationOf(authorizeParams(overrides))).toEqual([302, expected]);
  });

  it('puts an invalid_scope error in the fragment for response_type=token', async () => {
    const implicit = await startEmulator({ config: configWith({ allowedFlows: ['code', 'implicit'], allowedScopes: ['openid'] }) });
    try {
      const res = await fetch(`${implicit.url}/oauth2/authorize?${authorizeParams({ response_type: 'token', state: undefined }).toString()}`, { redirect: 'manual' });
      expect(res.headers.get('location')).toBe(`${CALLBACK}#error_description=invalid_scope&error=invalid_request`);
    } finally {
      await implicit.stop();
    }
  });
});

describe('response_type=token (implicit)', () => {
  it('returns tokens in the fragment, never a refresh token', async () => {
    const e = await startEmulator();
    try {
      const { location } = await signInHttp(e, authorizeParams({ response_type: 'token', nonce: 'n1' }));
      const url = new URL(location);
      expect(url.search).toBe('');
      const frag = new URLSearchParams(url.hash.slice(1));
      expect([...frag.keys()]).toEqual(['id_token', 'access_token', 'expires_in', 'token_type', 'state']);
      expect([frag.get('expires_in'), frag.get('token_type'), frag.get('state')]).toEqual(['3600', 'Bearer', 'st-1']);
      expect(decodeJwt(frag.get('id_token') ?? '')).toMatchObject({ nonce: 'n1', token_use: 'id', 'cognito:username': 'alice' });
    } finally {
      await e.stop();
    }
  });
});

describe('hosted-UI session cookie', () => {
  it('lasts one hour, whatever the token lifetimes', async () => {
    const clock = manualClock();
    const e = await startEmulator({ clock, config: configWith({ idTokenValiditySeconds: 300, accessTokenValiditySeconds: 300 }) });
    try {
      const { cookie } = await signInHttp(e, authorizeParams());
      const authorize = async () =>
        (await fetch(`${e.url}/oauth2/authorize?${authorizeParams().toString()}`, { redirect: 'manual', headers: { Cookie: cookie } })).headers.get('location') ?? '';
      clock.advance(59 * 60 * 1000);
      expect(await authorize()).toMatch(new RegExp(`^${CALLBACK}\\?code=[\\w-]+&state=st-1$`));
      clock.advance(2 * 60 * 1000);
      expect(await authorize()).toBe(`${e.url}/login?${authorizeParams().toString()}`);
    } finally {
      await e.stop();
    }
  });
});
