import { describe, expect, it } from 'vitest';
import { sessionStatus } from '../../../../main/core/session/session-status.js';

/** `status` says "expired" once the refresh token's known lifetime has passed, without a request. */
const NOW = Date.parse('2026-12-01T12:00:00Z');
const tokens = (signedInAgoS: number, accessLeftS: number) => ({
  accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresAt: NOW + accessLeftS * 1000, issuedAt: NOW, signedInAt: NOW - signedInAgoS * 1000,
});

describe('sessionStatus and the refresh lifetime', () => {
  it.each([
    ['lifetime passed, access token expired', 7200, -10, { signedIn: false, expired: true }],
    ['lifetime passed, access token still valid', 7200, 600, { signedIn: true }],
    ['lifetime not passed', 1800, -10, { signedIn: true }],
  ])('%s', (_label, ago, left, expected) => {
    const s = sessionStatus({ name: 'p', refreshTokenLifetimeSeconds: 3600 }, tokens(ago, left), NOW, true);
    expect({ signedIn: s.signedIn, ...(s.expired ? { expired: s.expired } : {}) }).toEqual(expected);
  });

  it('unknown lifetime: never "expired" (Cognito refresh tokens are opaque)', () => {
    const s = sessionStatus({ name: 'p' }, tokens(10 * 365 * 86400, -10), NOW, true);
    expect([s.signedIn, s.expired]).toEqual([true, undefined]);
  });
});
