import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeToken, verifyToken } from '../../../../main/core/inspect/index.js';
import type { Verification, VerifyOptions } from '../../../../main/core/inspect/index.js';
import { recordingFetch as safeRecordingFetch } from '../../../support/recording-fetch.js';
import { startSelfIssuer } from '../../../support/self-issuer.js';

// A real JWKS and discovery document on 127.0.0.1; the fetch wrapper records every URL we ask for.
const NOW = Date.UTC(2023, 3, 29, 18, 0, 0);
const NOW_S = NOW / 1000;
const CLIENT = 'client-1';
let server: Server;
let base = '';
let issuer = '';
let privA: CryptoKey;
let privB: CryptoKey;
let jwkA: JWK;
let jwkB: JWK;
let calls: string[] = [];
const recordingFetch: typeof fetch = (input, init) => {
  calls.push(String(input));
  return fetch(input, init);
};

beforeAll(async () => {
  const a = await generateKeyPair('RS256', { extractable: true });
  const b = await generateKeyPair('RS256', { extractable: true });
  privA = a.privateKey;
  privB = b.privateKey;
  jwkA = { ...(await exportJWK(a.publicKey)), kid: 'kid-a', alg: 'RS256', use: 'sig' };
  jwkB = { ...(await exportJWK(b.publicKey)), kid: 'kid-b', alg: 'RS256', use: 'sig' };
  server = createServer((req, res) => {
    const body =
      req.url === '/pool/.well-known/openid-configuration' ? { issuer, jwks_uri: `${issuer}/.well-known/jwks.json` }
        : req.url === '/pool/.well-known/jwks.json' ? { keys: [jwkA, jwkB] }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = `${base}/pool`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  calls = [];
});

const idClaims = (over: Record<string, unknown> = {}) => ({
  sub: 'user-1', aud: CLIENT, iss: issuer, token_use: 'id', iat: NOW_S - 60, auth_time: NOW_S - 60, exp: NOW_S + 3600, ...over,
});
const sign = (claims: Record<string, unknown>, key = privA, header: Record<string, unknown> = { alg: 'RS256', kid: 'kid-a' }) =>
  new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(key);
const verify = async (token: string, opts: Partial<VerifyOptions> = {}): Promise<Verification> =>
  verifyToken(decodeToken(token), { now: NOW, fetch: recordingFetch, ...opts });
const failedCheck = (v: Verification) => v.checks.find((c) => !c.ok);

describe('verifyToken against a real JWKS on 127.0.0.1', () => {
  it('accepts a good Cognito-shaped ID token and reports every check', async () => {
    const v = await verify(await sign(idClaims()), { jwks: `${issuer}/.well-known/jwks.json`, issuer, audience: CLIENT, tokenUse: 'id' });
    expect(v).toEqual({
      status: 'valid', clockToleranceSeconds: 60, keySource: `${issuer}/.well-known/jwks.json`, pinnedBy: 'the JWKS URL given',
      checks: [
        { name: 'alg', ok: true, detail: 'RS256 is a public-key algorithm' },
        { name: 'kid', ok: true, detail: 'kid kid-a found in the JWKS' },
        { name: 'signature', ok: true, detail: `RS256 signature verified with key kid-a from ${issuer}/.well-known/jwks.json` },
        { name: 'iss', ok: true, detail: `iss is ${issuer} (the issuer given)` },
        { name: 'aud', ok: true, detail: `aud includes ${CLIENT}` },
        { name: 'token_use', ok: true, detail: 'token_use is "id" with the claims Cognito puts in ID tokens' },
        { name: 'exp', ok: true, detail: 'expires in 1 h (at 2023-04-29T19:00:00Z)' },
        { name: 'iat', ok: true, detail: 'issued 1 min ago' },
      ],
    });
    expect(calls).toEqual([`${issuer}/.well-known/jwks.json`]);
  });

  it.each([
    {
      name: 'bad signature (signed by another key under kid-a)',
      make: () => sign(idClaims(), privB),
      error: { code: 'BAD_SIGNATURE', message: 'the signature does not match the key: the token was altered or signed by someone else' },
    },
    {
      name: 'unknown kid: the message lists the kids the JWKS has',
      make: () => sign(idClaims(), privA, { alg: 'RS256', kid: 'rotated-away' }),
      error: { code: 'UNKNOWN_KID', message: `kid "rotated-away" is not in the JWKS from BASE/pool/.well-known/jwks.json; it has: kid-a, kid-b` },
    },
    {
      name: 'expired',
      make: () => sign(idClaims({ iat: NOW_S - 7200, exp: NOW_S - 3 * 3600 + 3600 })),
      error: { code: 'TOKEN_EXPIRED', message: 'expired 2 h ago (at 2023-04-29T16:00:00Z)' },
    },
    {
      name: 'wrong audience',
      make: () => sign(idClaims({ aud: 'someone-else' })),
      error: { code: 'AUDIENCE_MISMATCH', message: 'aud is "someone-else", expected "client-1"' },
    },
    {
      name: 'an access token where an ID token is expected',
      make: () => sign({ sub: 'user-1', iss: issuer, token_use: 'access', client_id: CLIENT, iat: NOW_S - 60, exp: NOW_S + 3600 }),
      error: { code: 'TOKEN_USE_MISMATCH', message: 'token_use is "access", expected "id"' },
    },
    {
      name: 'iat in the future beyond the tolerance',
      make: () => sign(idClaims({ iat: NOW_S + 600 })),
      error: { code: 'CLOCK_SKEW', message: 'issued 10 min in the future (at 2023-04-29T18:10:00Z)' },
    },
  ])('rejects: $name', async ({ make, error: e }) => {
    // The server's port is known only once it listens, after this table was built.
    const error = { ...e, message: e.message.replace('BASE', base) };
    const v = await verify(await make(), { issuer, audience: CLIENT, tokenUse: 'id' });
    expect({ status: v.status, code: v.error?.code, message: v.error?.message, failedDetail: failedCheck(v)?.detail })
      .toEqual({ status: 'invalid', ...error, failedDetail: error.message });
  });

  it('rejects alg none and HS256 before touching keys', async () => {
    const payload = Buffer.from(JSON.stringify(idClaims())).toString('base64url');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    const hs = await new SignJWT(idClaims()).setProtectedHeader({ alg: 'HS256', kid: 'kid-a' }).sign(new TextEncoder().encode('x'.repeat(32)));
    const results = await Promise.all([none, hs].map((t) => verify(t, { jwksJson: { keys: [jwkA] } })));
    expect(results.map((v) => [v.status, v.error?.code, v.checks[0]])).toEqual([
      ['invalid', 'ALG_NOT_ALLOWED', { name: 'alg', ok: false, detail: 'alg is "none": the token is unsigned' }],
      ['invalid', 'ALG_NOT_ALLOWED', { name: 'alg', ok: false, detail: 'alg "HS256" is not allowed with public keys (allowed: RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA, Ed25519)' }],
    ]);
  });

  it("discovers keys from the token's own loopback http iss, and calls that unpinned, not valid", async () => {
    const v = await verify(await sign(idClaims()));
    expect({ status: v.status, keySource: v.keySource, pinnedBy: v.pinnedBy, code: v.error?.code, iss: v.checks.find((c) => c.name === 'iss') }).toEqual({
      status: 'unpinned',
      keySource: `${issuer}/.well-known/jwks.json (found through the token's own iss)`,
      pinnedBy: undefined,
      code: 'ISSUER_NOT_PINNED',
      iss: { name: 'iss', ok: true, detail: `iss is ${issuer} (the issuer named by the discovery document the keys came from)` },
    });
    expect(v.checks.every((c) => c.ok)).toBe(true);
    expect(calls).toEqual([`${issuer}/.well-known/openid-configuration`, `${issuer}/.well-known/jwks.json`]);
  });

  it('is valid, and says who pinned the keys, when the issuer or JWKS was given', async () => {
    const token = await sign(idClaims());
    const byIssuer = await verify(token, { issuer });
    const byJwks = await verify(token, { jwks: `${issuer}/.well-known/jwks.json`, pinnedBy: '--jwks' });
    expect([byIssuer.status, byIssuer.pinnedBy, byIssuer.error, byJwks.status, byJwks.pinnedBy]).toEqual(['valid', 'the issuer given', undefined, 'valid', '--jwks']);
  });

  it('never contacts a plain-http iss that is not loopback', async () => {
    const v = await verify(await sign(idClaims({ iss: 'http://idp.example.test/pool' })));
    expect(calls).toEqual([]);
    expect({ status: v.status, error: v.error }).toEqual({
      status: 'unverified',
      error: {
        code: 'INSECURE_PROVIDER_ENDPOINT',
        message: "the token's iss (http://idp.example.test) is not https, and plain http is fetched only from loopback hosts; no request was made",
        hint: 'The token (or its issuer\'s discovery document) names a plain-http URL; keys are not fetched from it. Pass --issuer with the https issuer you expect, or --jwks FILE with the issuer\'s keys.',
        details: { url: 'http://idp.example.test/pool' },
      },
    });
  });

  it('refuses a discovery redirect into an http "metadata" address before requesting it', async () => {
    const metadata = 'http://169.254.169.254/latest/meta-data/';
    const hostile = await startSelfIssuer({ redirects: { '/pool/.well-known/openid-configuration': metadata } });
    try {
      const rec = safeRecordingFetch();
      const v = await verifyToken(decodeToken(await hostile.mint()), { now: Date.now(), fetch: rec.fetch });
      expect({ status: v.status, code: v.error?.code, url: v.error?.details?.['url'] }).toEqual({ status: 'unverified', code: 'INSECURE_PROVIDER_ENDPOINT', url: metadata });
      expect(rec.requested).toEqual([`${hostile.issuer}/.well-known/openid-configuration`]);
    } finally {
      await hostile.stop();
    }
  });

  it('is unverified, with the reason, when there is no key source', async () => {
    const claims: Record<string, unknown> = idClaims();
    delete claims['iss'];
    const v = await verify(await sign(claims));
    expect([v.status, v.error?.code, calls]).toEqual(['unverified', 'NO_KEY_SOURCE', []]);
  });

  it('is unverified when the JWKS cannot be reached', async () => {
    const v = await verify(await sign(idClaims()), { jwks: 'http://127.0.0.1:1/jwks.json' });
    expect([v.status, v.error?.code]).toEqual(['unverified', 'NETWORK_UNREACHABLE']);
  });

  it.each([
    { name: 'a single JWK', jwksJson: () => jwkA, source: 'the JWK given' },
    { name: 'a JWKS', jwksJson: () => ({ keys: [jwkB, jwkA] }), source: 'the JWKS given' },
    { name: 'a JWKS as JSON text', jwksJson: () => JSON.stringify({ keys: [jwkA] }), source: 'the JWKS given' },
  ])('accepts keys given inline as $name', async ({ jwksJson, source }) => {
    const v = await verify(await sign(idClaims()), { jwksJson: jwksJson(), audience: CLIENT });
    expect([v.status, v.keySource, calls]).toEqual(['valid', source, []]);
  });

  it('accepts a token without kid when the JWKS has a single key', async () => {
    const v = await verify(await sign(idClaims(), privA, { alg: 'RS256' }), { jwksJson: jwkA });
    expect([v.status, v.checks[1]]).toEqual(['valid', { name: 'kid', ok: true, detail: 'the token has no kid; tried the 1 RSA key(s) in the JWKS' }]);
  });

  it('accepts a Cognito access token, matching client_id as the audience', async () => {
    const token = await sign({ sub: 'user-1', iss: issuer, token_use: 'access', client_id: CLIENT, scope: 'openid', iat: NOW_S - 60, exp: NOW_S + 3600 });
    const v = await verify(token, { issuer, audience: CLIENT, tokenUse: 'access' });
    expect([v.status, v.checks.find((c) => c.name === 'aud')]).toEqual(['valid', { name: 'aud', ok: true, detail: 'client_id is client-1 (access tokens carry client_id, not aud)' }]);
  });

  it('rejects an access token that carries aud', async () => {
    const token = await sign({ sub: 'user-1', iss: issuer, token_use: 'access', client_id: CLIENT, aud: CLIENT, iat: NOW_S - 60, exp: NOW_S + 3600 });
    const v = await verify(token, { issuer, tokenUse: 'access' });
    expect([v.status, v.error?.code, failedCheck(v)?.name]).toEqual(['invalid', 'INVALID_TOKEN', 'token_use']);
  });
});
