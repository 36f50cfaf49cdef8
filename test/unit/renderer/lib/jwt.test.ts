import { describe, expect, it } from 'vitest';
import { decodePayload, jwtParts, rolesOf, userOf } from '../../../../renderer/src/lib/jwt.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (payload: unknown) => `${b64({ alg: 'RS256', kid: 'k1' })}.${b64(payload)}.c2ln`;

describe('jwt helpers (display only)', () => {
  it('splits a token into its three parts, and refuses anything else', () => {
    expect(jwtParts(' a.b.c ')).toEqual({ header: 'a', payload: 'b', signature: 'c' });
    expect(jwtParts('a.b')).toBeUndefined();
  });

  it('decodes UTF-8 payloads and returns undefined for garbage', () => {
    expect(decodePayload(jwt({ name: 'Zoë Ünal' }))).toEqual({ name: 'Zoë Ünal' });
    expect(decodePayload('x.%%%.y')).toBeUndefined();
    expect(decodePayload(`${b64({})}.${b64([1, 2])}.s`)).toBeUndefined();
  });

  it('names the user and a federated provider from the identities claim', () => {
    const google = jwt({ name: 'Demo', email: 'demo@gmail.com', 'cognito:username': 'google_1026', identities: [{ providerName: 'Google', providerType: 'Google', userId: '1026' }] });
    expect(userOf(google)).toEqual({ name: 'Demo', email: 'demo@gmail.com', username: 'google_1026', provider: 'Google' });
    expect(userOf(jwt({ given_name: 'Al', family_name: 'Ice', email: 'a@x' }))).toEqual({ name: 'Al Ice', email: 'a@x' });
    expect(userOf(undefined)).toEqual({});
  });

  it('reads cognito:roles as an array or the older comma-separated string', () => {
    expect(rolesOf(jwt({ 'cognito:roles': ['r1', 'r2'] }))).toEqual(['r1', 'r2']);
    expect(rolesOf(jwt({ 'cognito:roles': 'r1, r2' }))).toEqual(['r1', 'r2']);
    expect(rolesOf(jwt({}))).toEqual([]);
  });
});
