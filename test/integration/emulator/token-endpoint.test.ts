import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/index.js';
import { CALLBACK, CLIENT_ID, basic, codeFor, configWith, exchange, manualClock, postForm, startEmulator } from './support.js';

const SECRET_CLIENT = {
  clientId: 'confidentialclient000000',
  name: 'confidential',
  secret: 's3cr3t-value',
  callbackUrls: [CALLBACK],
  allowedFlows: ['code' as const],
};
const M2M_CLIENT = {
  clientId: 'machineclient00000000000',
  name: 'machine',
  secret: 'm2m-secret',
  allowedFlows: ['client_credentials' as const],
  allowedScopes: ['reports/read', 'reports/write'],
};

describe('POST /oauth2/token', () => {
  const clock = manualClock();
  let e: Emulator;
  beforeAll(async () => {
    e = await startEmulator({ clock, config: configWith({}, [SECRET_CLIENT, M2M_CLIENT]) });
  });
  afterAll(() => e.stop());

  it('exchanges a code for Cognito-shaped tokens, with Cognito headers and field order', async () => {
    const { code, verifier } = await codeFor(e, { nonce: 'n-123' });
    const res = await exchange(e, code, verifier);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['id_token', 'access_token', 'refresh_token', 'expires_in', 'token_type']);
    expect(body.expires_in).toBe(3600);
    expect(body.token_type).toBe('Bearer');
    expect(String(body.refresh_token).length).toBeGreaterThan(1500);
    expect(String(body.refresh_token).split('.')).toHaveLength(5);
    const id = decodeJwt(String(body.id_token));
    const now = Math.floor(clock.now() / 1000);
    expect(id).toEqual({
      at_hash: expect.any(String),
      sub: '1b3b6f4e-8a2c-4d5e-9f10-a1b2c3d4e5f6',
      'cognito:groups': ['admins', 'developers'],
      email_verified: true,
      iss: e.issuer,
      'cognito:username': 'alice',
      nonce: 'n-123',
      'cognito:preferred_role': 'arn:aws:iam::123456789012:role/LocalDemoAdmin',
      origin_jti: expect.any(String),
      'cognito:roles': ['arn:aws:iam::123456789012:role/LocalDemoAdmin', 'arn:aws:iam::123456789012:role/LocalDemoDeveloper'],
      aud: CLIENT_ID,
      name: 'Alice Example',
      'custom:team': 'platform',
      token_use: 'id',
      auth_time: now,
      exp: now + 3600,
      iat: now,
      jti: expect.any(String),
      email: 'alice@example.com',
    });
    const access = decodeJwt(String(body.access_token));
    expect(access).toEqual({
      sub: '1b3b6f4e-8a2c-4d5e-9f10-a1b2c3d4e5f6',
      'cognito:groups': ['admins', 'developers'],
      iss: e.issuer,
      version: 2,
      client_id: CLIENT_ID,
      origin_jti: id.origin_jti,
      token_use: 'access',
      scope: 'openid email profile',
      auth_time: now,
      exp: now + 3600,
      iat: now,
      jti: expect.any(String),
      username: 'alice',
    });
  });

  it('accepts a code once only', async () => {
    const { code, verifier } = await codeFor(e);
    expect((await exchange(e, code, verifier)).status).toBe(200);
    const again = await exchange(e, code, verifier);
    expect([again.status, await again.json()]).toEqual([400, { error: 'invalid_grant' }]);
  });

  it('rejects a code after five minutes', async () => {
    const { code, verifier } = await codeFor(e);
    clock.advance(5 * 60 * 1000 + 1);
    const res = await exchange(e, code, verifier);
    expect([res.status, await res.json()]).toEqual([400, { error: 'invalid_grant' }]);
  });

  it('accepts a code just under five minutes old', async () => {
    const { code, verifier } = await codeFor(e);
    clock.advance(5 * 60 * 1000 - 1000);
    expect((await exchange(e, code, verifier)).status).toBe(200);
  });

  const refusals: [string, Record<string, string>, string][] = [
    ['wrong PKCE verifier', { code_verifier: 'x'.repeat(43) }, 'invalid_grant'],
    ['missing PKCE verifier', { code_verifier: '' }, 'invalid_request'],
    ['redirect_uri with a trailing slash', { redirect_uri: `${CALLBACK}/` }, 'unauthorized_client'],
    ['missing redirect_uri', { redirect_uri: '' }, 'invalid_request'],
    ['unknown client', { client_id: 'nosuchclient' }, 'invalid_client'],
    ['another client', { client_id: SECRET_CLIENT.clientId, client_secret: SECRET_CLIENT.secret }, 'invalid_grant'],
    ['unknown grant type', { grant_type: 'password' }, 'unsupported_grant_type'],
    ['missing grant type', { grant_type: '' }, 'invalid_request'],
  ];
  it.each(refusals)('%s → 400 {"error":"%s"}', async (_name, extra, error) => {
    const { code, verifier } = await codeFor(e);
    const res = await exchange(e, code, verifier, extra);
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect([res.status, await res.text()]).toEqual([400, JSON.stringify({ error })]);
  });

  describe('confidential client', () => {
    const codeForSecretClient = () => codeFor(e, { client_id: SECRET_CLIENT.clientId });
    const form = (code: string, verifier: string) => ({ grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier });

    it('authenticates with client_secret_basic', async () => {
      const { code, verifier } = await codeForSecretClient();
      const res = await postForm(`${e.url}/oauth2/token`, form(code, verifier), { Authorization: basic(SECRET_CLIENT.clientId, SECRET_CLIENT.secret) });
      expect(res.status).toBe(200);
    });

    it('authenticates with client_secret_post', async () => {
      const { code, verifier } = await codeForSecretClient();
      const res = await postForm(`${e.url}/oauth2/token`, { ...form(code, verifier), client_id: SECRET_CLIENT.clientId, client_secret: SECRET_CLIENT.secret });
      expect(res.status).toBe(200);
    });

    it.each([
      ['a wrong secret (basic)', { Authorization: basic(SECRET_CLIENT.clientId, 'nope') }, {}],
      ['a wrong secret (post)', {}, { client_id: SECRET_CLIENT.clientId, client_secret: 'nope' }],
      ['no secret', {}, { client_id: SECRET_CLIENT.clientId }],
      ['a malformed Basic header', { Authorization: 'Basic %%%' }, {}],
    ])('refuses %s with invalid_client', async (_n, headers: Record<string, string>, body: Record<string, string>) => {
      const { code, verifier } = await codeForSecretClient();
      const res = await postForm(`${e.url}/oauth2/token`, { ...form(code, verifier), ...body }, headers);
      expect([res.status, await res.json()]).toEqual([400, { error: 'invalid_client' }]);
    });
  });

  describe('client_credentials', () => {
    it('issues an access token only, for the client itself', async () => {
      const res = await postForm(`${e.url}/oauth2/token`, { grant_type: 'client_credentials', scope: 'reports/read' }, { Authorization: basic(M2M_CLIENT.clientId, M2M_CLIENT.secret) });
      const body = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(['access_token', 'expires_in', 'token_type']);
      const claims = decodeJwt(String(body.access_token));
      expect(claims).toMatchObject({ sub: M2M_CLIENT.clientId, client_id: M2M_CLIENT.clientId, token_use: 'access', scope: 'reports/read', version: 2 });
      expect(claims.username).toBeUndefined();
    });

    it.each([
      ['a scope the client lacks', { scope: 'reports/delete' }, M2M_CLIENT, 'invalid_scope'],
      ['a client without the flow', {}, SECRET_CLIENT, 'unauthorized_client'],
    ])('refuses %s', async (_n, extra, client, error) => {
      const res = await postForm(`${e.url}/oauth2/token`, { grant_type: 'client_credentials', ...extra }, { Authorization: basic(client.clientId, client.secret) });
      expect([res.status, await res.json()]).toEqual([400, { error }]);
    });
  });
});
