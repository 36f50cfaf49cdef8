import { describe, expect, it } from 'vitest';
import { checkIdTokenExtras, checkRefreshConsistency, tokenHash } from '../../../../main/core/auth/id-token-checks.js';
import type { AppError } from '../../../../main/core/errors/app-error.js';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const idToken = (alg: string) => `${b64({ alg })}.${b64({})}.sig`;
const codeOf = (fn: () => void) => { try { fn(); return 'ok'; } catch (e) { return (e as AppError).code; } };

describe('tokenHash', () => {
  it('matches the OIDC Core example (access token "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y", RS256)', () => {
    // OpenID Connect Core 1.0, Appendix A.4: at_hash for this access token.
    expect(tokenHash('jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y', 'RS256')).toBe('77QmUPtjPfzWtF2AnpK9RQ');
  });
  it('uses the hash size of the alg', () => {
    expect([tokenHash('x', 'RS256').length, tokenHash('x', 'ES384').length, tokenHash('x', 'PS512').length]).toEqual([22, 32, 43]);
  });
});

describe('checkIdTokenExtras', () => {
  const now = 1_700_000_000_000;
  const at = 'access-token';
  it.each([
    ['matching at_hash', { at_hash: tokenHash(at, 'RS256'), iat: now / 1000 }, 'ok'],
    ['no at_hash (optional in the code flow)', { iat: now / 1000 }, 'ok'],
    ['wrong at_hash', { at_hash: 'AAAAAAAAAAAAAAAAAAAAAA', iat: now / 1000 }, 'AT_HASH_MISMATCH'],
    ['non-string at_hash', { at_hash: 5, iat: now / 1000 }, 'AT_HASH_MISMATCH'],
    ['iat 29 s ahead (within tolerance)', { iat: now / 1000 + 29 }, 'ok'],
    ['iat 31 s ahead', { iat: now / 1000 + 31 }, 'CLOCK_SKEW'],
  ])('%s → %s', (_label, claims, code) => {
    expect(codeOf(() => checkIdTokenExtras(idToken('RS256'), claims, at, now, 30))).toBe(code);
  });
});

describe('checkRefreshConsistency (OIDC Core 12.2)', () => {
  const prev = { iss: 'https://i', sub: 's', aud: 'c' };
  it.each([
    ['same', { ...prev }, 'ok'],
    ['aud as a one-element array', { ...prev, aud: ['c'] }, 'ok'],
    ['other sub', { ...prev, sub: 't' }, 'SUBJECT_CHANGED'],
    ['other iss', { ...prev, iss: 'https://j' }, 'ISSUER_MISMATCH'],
    ['other aud', { ...prev, aud: 'd' }, 'AUDIENCE_MISMATCH'],
  ])('%s → %s', (_label, next, code) => {
    expect(codeOf(() => checkRefreshConsistency(prev, next))).toBe(code);
  });
});
