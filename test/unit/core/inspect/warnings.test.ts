import { describe, expect, it } from 'vitest';
import { decodeToken, warningsFor } from '../../../../main/core/inspect/index.js';
import type { Warning, WarningOptions } from '../../../../main/core/inspect/index.js';
import { accessPayload, b64, idPayload, jwt, NOW, NOW_S, RS_HEADER } from './tokens.js';

const run = (header: unknown, payload: unknown, opts: Partial<WarningOptions> = {}): Warning[] =>
  warningsFor(decodeToken(jwt(header, payload)), { now: NOW, ...opts });

const cases: { name: string; header?: unknown; payload: unknown; opts?: Partial<WarningOptions>; want: Warning[] }[] = [
  { name: 'a healthy Cognito ID token', payload: idPayload(), opts: { expectedTokenUse: 'id', expectedAudience: '2todpsba6aij4tlrqhein3trrm' }, want: [] },
  { name: 'expired', payload: idPayload({ exp: NOW_S - 3 * 3600, iat: NOW_S - 4 * 3600 }), want: [{ code: 'EXPIRED', message: 'expired 3 h ago (at 2023-04-29T15:00:00Z)' }] },
  { name: 'expires soon', payload: idPayload({ exp: NOW_S + 120 }), want: [{ code: 'EXPIRES_SOON', message: 'expires in 2 min (at 2023-04-29T18:02:00Z)' }] },
  { name: 'no exp', payload: { sub: 'a' }, want: [{ code: 'NO_EXP', message: 'no "exp": the token never expires' }] },
  {
    name: 'nbf in the future',
    payload: idPayload({ nbf: NOW_S + 600 }),
    want: [{ code: 'NOT_YET_VALID', message: "not valid until 2023-04-29T18:10:00Z, 10 min from now (check this computer's clock)" }],
  },
  {
    name: 'iat in the future',
    payload: idPayload({ iat: NOW_S + 300 }),
    want: [{ code: 'IAT_IN_FUTURE', message: "issued 5 min in the future (at 2023-04-29T18:05:00Z): this computer's clock or the issuer's is off" }],
  },
  {
    name: 'times in milliseconds',
    payload: { exp: NOW + 60_000 },
    want: [{ code: 'TIME_IN_MILLISECONDS', message: `exp (${NOW + 60_000}) looks like milliseconds; JWT times are seconds (as milliseconds it would be 2023-04-29T18:01:00Z)` }],
  },
  { name: 'a string exp', payload: { exp: String(NOW_S) }, want: [{ code: 'TIME_NOT_NUMERIC', message: 'exp is a string; JWT times are numbers of seconds since 1970' }] },
  { name: 'alg none', header: { alg: 'none' }, payload: idPayload(), want: [{ code: 'ALG_NONE', message: 'alg is "none": the token is unsigned and anyone can forge it; never accept it' }] },
  {
    name: 'HS256',
    header: { alg: 'HS256', kid: 'k' },
    payload: idPayload(),
    want: [{ code: 'ALG_SYMMETRIC', message: 'alg is HS256, a shared-secret algorithm; Cognito signs with RS256 and public keys cannot verify HS256' }],
  },
  { name: 'no alg', header: { typ: 'JWT' }, payload: idPayload(), want: [{ code: 'MISSING_ALG', message: 'the header has no "alg", so no verifier can check the signature' }] },
  {
    name: 'no kid',
    header: { alg: 'RS256' },
    payload: idPayload(),
    want: [{ code: 'MISSING_KID', message: 'the header has no "kid", so the verifier cannot tell which key signed it (Cognito always sets one)' }],
  },
  {
    name: 'kid not in the JWKS',
    payload: idPayload(),
    opts: { jwksKids: ['a', 'b'] },
    want: [{ code: 'KID_NOT_IN_JWKS', message: 'kid "vyVQH7UMjwYboVvyFf+zd4KHZfgc+RtmU/A2vHhgITI=" is not in the JWKS (it has: a, b); keys may have rotated, or the token is from another pool' }],
  },
  {
    name: 'keys offered by the token itself',
    header: { ...RS_HEADER, jku: 'https://evil.example/jwks' },
    payload: idPayload(),
    want: [{ code: 'KEY_IN_HEADER', message: 'the header carries "jku"; a verifier must never take keys from the token itself' }],
  },
  {
    name: 'an access token where an ID token is expected',
    payload: accessPayload(),
    opts: { expectedTokenUse: 'id' },
    want: [{ code: 'TOKEN_USE_MISMATCH', message: 'expected an id token but token_use is "access"' }],
  },
  {
    name: 'wrong audience on an ID token',
    payload: idPayload(),
    opts: { expectedAudience: 'other-client' },
    want: [{ code: 'AUDIENCE_MISMATCH', message: 'aud is "2todpsba6aij4tlrqhein3trrm", expected "other-client"' }],
  },
  {
    name: 'wrong client_id on an access token',
    payload: accessPayload(),
    opts: { expectedAudience: 'other-client' },
    want: [{ code: 'AUDIENCE_MISMATCH', message: 'client_id is "2todpsba6aij4tlrqhein3trrm", expected "other-client"' }],
  },
  { name: 'right client_id on an access token', payload: accessPayload(), opts: { expectedAudience: '2todpsba6aij4tlrqhein3trrm' }, want: [] },
  {
    name: 'an access token with aud',
    payload: accessPayload({ aud: 'x' }),
    want: [{ code: 'ACCESS_TOKEN_HAS_AUD', message: 'an access token with "aud": Cognito access tokens carry client_id instead' }],
  },
  {
    name: 'an ID token without aud',
    payload: idPayload({ aud: undefined }),
    want: [{ code: 'ID_TOKEN_NO_AUD', message: 'an ID token without "aud": OpenID Connect requires it' }],
  },
  {
    name: 'an issuer differing by a trailing slash',
    payload: idPayload(),
    opts: { expectedIssuer: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_9EiQtYD6z/' },
    want: [{ code: 'ISSUER_MISMATCH', message: 'iss is "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_9EiQtYD6z", expected "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_9EiQtYD6z/" (they differ only by a trailing slash, which counts)' }],
  },
  {
    name: 'a plain-http issuer',
    payload: idPayload({ iss: 'http://idp.example.com' }),
    want: [{ code: 'ISS_NOT_HTTPS', message: 'iss is plain http on a non-loopback host; keys are not fetched from it automatically (pass --jwks)' }],
  },
  { name: 'a loopback http issuer is fine', payload: idPayload({ iss: 'http://127.0.0.1:9000/pool' }), want: [] },
];

describe('warningsFor', () => {
  it.each(cases)('$name', ({ header, payload, opts, want }) => {
    expect(run(header ?? RS_HEADER, payload, opts)).toEqual(want);
  });

  it('says nothing about things that are not JWTs (decode problems cover them)', () => {
    expect([decodeToken(''), decodeToken('opaque-refresh-token-0123456789'), decodeToken(`${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a.b.c.d`)]
      .map((d) => warningsFor(d, { now: NOW }))).toEqual([[], [], []]);
  });
});
