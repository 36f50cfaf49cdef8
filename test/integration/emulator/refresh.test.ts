import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/index.js';
import { CALLBACK, CLIENT_ID, codeFor, configWith, manualClock, postForm, startEmulator, tokensFor } from './support.js';

let e: Emulator | undefined;
afterEach(async () => {
  await e?.stop();
  e = undefined;
});

async function start(client: Parameters<typeof configWith>[0]) {
  const clock = manualClock();
  e = await startEmulator({ clock, config: configWith(client) });
  return { e, clock };
}

const refresh = (em: Emulator, token: string) =>
  postForm(`${em.url}/oauth2/token`, { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: token });

describe('grant_type=refresh_token', () => {
  it('without rotation: new ID + access tokens, no refresh_token, auth_time and origin_jti kept', async () => {
    const { e, clock } = await start({});
    const first = await tokensFor(e);
    clock.advance(10 * 60 * 1000);
    const res = await refresh(e, first.refresh_token);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['id_token', 'access_token', 'expires_in', 'token_type']);
    const before = decodeJwt(first.id_token);
    const after = decodeJwt(String(body.id_token));
    expect([after.auth_time, after.origin_jti, after.iat]).toEqual([before.auth_time, before.origin_jti, Math.floor(clock.now() / 1000)]);
    expect(after.jti).not.toBe(before.jti);
    // The same refresh token keeps working.
    expect((await refresh(e, first.refresh_token)).status).toBe(200);
  });

  it('with rotation and no grace period: a new refresh token; the old one is dead at once', async () => {
    const { e } = await start({ refreshTokenRotation: { enabled: true, gracePeriodSeconds: 0 } });
    const first = await tokensFor(e);
    const body = (await (await refresh(e, first.refresh_token)).json()) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['id_token', 'access_token', 'refresh_token', 'expires_in', 'token_type']);
    expect(body.refresh_token).not.toBe(first.refresh_token);
    const old = await refresh(e, first.refresh_token);
    expect([old.status, await old.json()]).toEqual([400, { error: 'invalid_grant' }]);
    expect((await refresh(e, body.refresh_token ?? '')).status).toBe(200);
  });

  it('with rotation and a 30 s grace period: the old token works for 30 s, then not', async () => {
    const { e, clock } = await start({ refreshTokenRotation: { enabled: true, gracePeriodSeconds: 30 } });
    const first = await tokensFor(e);
    expect((await refresh(e, first.refresh_token)).status).toBe(200);
    clock.advance(29_000);
    expect((await refresh(e, first.refresh_token)).status).toBe(200);
    clock.advance(2_000);
    expect((await refresh(e, first.refresh_token)).status).toBe(400);
  });

  it('refresh tokens expire after their lifetime, and a rotated token keeps the original expiry', async () => {
    const { e, clock } = await start({ refreshTokenValiditySeconds: 3600, refreshTokenRotation: { enabled: true, gracePeriodSeconds: 0 } });
    const first = await tokensFor(e);
    clock.advance(50 * 60 * 1000);
    const rotated = ((await (await refresh(e, first.refresh_token)).json()) as Record<string, string>).refresh_token ?? '';
    clock.advance(9 * 60 * 1000);
    const again = await refresh(e, rotated);
    expect(again.status).toBe(200);
    const fresh = ((await again.json()) as Record<string, string>).refresh_token;
    clock.advance(61 * 1000);
    // 60 min 1 s after sign-in: past the absolute expiry, even though `fresh` was issued a minute ago.
    const res = await refresh(e, fresh ?? '');
    expect([res.status, await res.json()]).toEqual([400, { error: 'invalid_grant' }]);
  });

  it('short lifetimes from a test config are honoured', async () => {
    const { e } = await start({ idTokenValiditySeconds: 60, accessTokenValiditySeconds: 30 });
    const t = await tokensFor(e);
    const id = decodeJwt(t.id_token);
    const access = decodeJwt(t.access_token);
    expect([Number(id.exp) - Number(id.iat), Number(access.exp) - Number(access.iat)]).toEqual([60, 30]);
  });

  it('refuses a missing, unknown or foreign refresh token', async () => {
    const OTHER = 'otherpublicclient00000000';
    e = await startEmulator({ config: configWith({}, [{ clientId: OTHER, name: 'Another app', callbackUrls: [CALLBACK], allowedScopes: ['openid', 'email', 'profile'] }]) });
    const missing = await postForm(`${e.url}/oauth2/token`, { grant_type: 'refresh_token', client_id: CLIENT_ID });
    expect([missing.status, await missing.json()]).toEqual([400, { error: 'invalid_request' }]);
    const unknown = await refresh(e, 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.a.b.c.d');
    expect([unknown.status, await unknown.json()]).toEqual([400, { error: 'invalid_grant' }]);
    // Foreign: a live refresh token of the same user, issued to another app client.
    const { code, verifier } = await codeFor(e, { client_id: OTHER });
    const other = await postForm(`${e.url}/oauth2/token`, { grant_type: 'authorization_code', client_id: OTHER, code, redirect_uri: CALLBACK, code_verifier: verifier });
    const foreignToken = ((await other.json()) as { refresh_token: string }).refresh_token;
    const own = await postForm(`${e.url}/oauth2/token`, { grant_type: 'refresh_token', client_id: OTHER, refresh_token: foreignToken });
    expect(own.status).toBe(200); // the token itself is good: only the client is wrong below
    const foreign = await refresh(e, foreignToken);
    expect([foreign.status, await foreign.json()]).toEqual([400, { error: 'invalid_grant' }]);
  });
});
