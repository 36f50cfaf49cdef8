import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/index.js';
import { CLIENT_ID, basic, configWith, manualClock, postForm, startEmulator, tokensFor } from './support.js';

let e: Emulator | undefined;
afterEach(async () => {
  await e?.stop();
  e = undefined;
});

const userInfo = (em: Emulator, auth?: string) => fetch(`${em.url}/oauth2/userInfo`, auth === undefined ? {} : { headers: { Authorization: auth } });
const revoke = (em: Emulator, form: Record<string, string>, headers: Record<string, string> = {}) => postForm(`${em.url}/oauth2/revoke`, form, headers);
const INVALID_TOKEN = {
  error: 'invalid_token',
  error_description: 'Access token is expired, disabled, or deleted, or the user has globally signed out.',
};

describe('/oauth2/userInfo', () => {
  it('returns the attributes as strings, with username', async () => {
    e = await startEmulator();
    const t = await tokensFor(e);
    const res = await userInfo(e, `Bearer ${t.access_token}`);
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(await res.json()).toEqual({
      sub: '1b3b6f4e-8a2c-4d5e-9f10-a1b2c3d4e5f6',
      name: 'Alice Example',
      'custom:team': 'platform',
      email_verified: 'true',
      email: 'alice@example.com',
      username: 'alice',
    });
  });

  it('answers 400 without a bearer token and 401 for an expired one', async () => {
    const clock = manualClock();
    e = await startEmulator({ clock });
    const none = await userInfo(e);
    expect([none.status, none.headers.get('www-authenticate')]).toEqual([
      400,
      'error="invalid_request", error_description="Bad OAuth2 request at UserInfo Endpoint"',
    ]);
    const t = await tokensFor(e);
    clock.advance(3601 * 1000);
    const expired = await userInfo(e, `Bearer ${t.access_token}`);
    expect([expired.status, await expired.json()]).toEqual([401, INVALID_TOKEN]);
    expect(expired.headers.get('www-authenticate')).toBe(`error="invalid_token", error_description="${INVALID_TOKEN.error_description}"`);
  });
});

describe('POST /oauth2/revoke', () => {
  it('revokes the refresh token and the tokens issued from it: 200, empty body; userInfo then 401', async () => {
    e = await startEmulator();
    const t = await tokensFor(e);
    expect((await userInfo(e, `Bearer ${t.access_token}`)).status).toBe(200);
    const res = await revoke(e, { token: t.refresh_token, client_id: CLIENT_ID });
    expect([res.status, await res.text()]).toEqual([200, '']);
    expect(await (await userInfo(e, `Bearer ${t.access_token}`)).json()).toEqual(INVALID_TOKEN);
    const refreshed = await postForm(`${e.url}/oauth2/token`, { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: t.refresh_token });
    expect([refreshed.status, await refreshed.json()]).toEqual([400, { error: 'invalid_grant' }]);
    // Again, and an unknown token: still 200.
    expect((await revoke(e, { token: t.refresh_token, client_id: CLIENT_ID })).status).toBe(200);
    expect((await revoke(e, { token: 'not-a-token', client_id: CLIENT_ID })).status).toBe(200);
  });

  it.each([
    ['no token', { client_id: CLIENT_ID }, {}, 400, { error: 'invalid_request' }],
    ['an unknown client', { token: 'x', client_id: 'nosuchclient' }, {}, 401, { error: 'invalid_client' }],
    ['a wrong secret', { token: 'x' }, { Authorization: basic(CLIENT_ID, 'nope') }, 401, { error: 'invalid_client' }],
    ['an access token', { token: 'a.b.c', client_id: CLIENT_ID }, {}, 400, { error: 'unsupported_token_type' }],
  ])('refuses %s', async (_n, form, headers, status, body) => {
    e = await startEmulator();
    const res = await revoke(e, form, headers);
    expect([res.status, await res.json()]).toEqual([status, body]);
  });

  it('answers invalid_request when revocation is disabled for the client, and tokens carry no origin_jti', async () => {
    e = await startEmulator({ config: configWith({ enableTokenRevocation: false }) });
    const t = await tokensFor(e);
    const res = await revoke(e, { token: t.refresh_token, client_id: CLIENT_ID });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
    const access = JSON.parse(Buffer.from(t.access_token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(access.origin_jti).toBeUndefined();
  });
});
