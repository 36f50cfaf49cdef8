import { describe, expect, it } from 'vitest';
import { diffClaims, sameSession } from '../../../../renderer/src/lib/token-diff.js';

const before = { iss: 'https://idp', sub: 'u1', jti: 'a', iat: 100, exp: 200, auth_time: 90, 'cognito:groups': ['admins', 'devs'], email: 'a@example.com' };

describe('diffClaims', () => {
  it('marks the claims a refresh renews as expected, and nothing else when nothing else changed', () => {
    const after = { ...before, jti: 'b', iat: 300, exp: 400 };
    expect(diffClaims(before, after)).toEqual([
      { claim: 'exp', kind: 'changed', before: 200, after: 400, expected: true },
      { claim: 'iat', kind: 'changed', before: 100, after: 300, expected: true },
      { claim: 'jti', kind: 'changed', before: 'a', after: 'b', expected: true },
    ]);
  });

  it('puts unexpected changes first: changed groups, an added role, a removed claim', () => {
    const { email: _email, ...rest } = before;
    const after = { ...rest, jti: 'b', 'cognito:groups': ['devs'], 'cognito:roles': ['arn:aws:iam::1:role/R'] };
    expect(diffClaims(before, after)).toEqual([
      { claim: 'cognito:groups', kind: 'changed', before: ['admins', 'devs'], after: ['devs'], expected: false },
      { claim: 'cognito:roles', kind: 'added', after: ['arn:aws:iam::1:role/R'], expected: false },
      { claim: 'email', kind: 'removed', before: 'a@example.com', expected: false },
      { claim: 'jti', kind: 'changed', before: 'a', after: 'b', expected: true },
    ]);
  });

  it('has nothing to compare without a previous token', () => {
    expect(diffClaims(undefined, before)).toEqual([]);
  });
});

describe('sameSession', () => {
  it('is a refresh when issuer and subject stay, a new sign-in when the user changes', () => {
    expect(sameSession(before, { ...before, jti: 'x' })).toBe(true);
    expect(sameSession(before, { ...before, sub: 'u2' })).toBe(false);
    expect(sameSession(undefined, before)).toBe(false);
  });
});
