import { createHash } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import { AppError } from '../errors/app-error.js';

/**
 * Checks openid-client leaves to the caller in the code flow: at_hash (OIDC Core 3.1.3.8, checked
 * whenever present; Cognito always sends it), iat not in the future beyond the tolerance, and for
 * refreshes the same iss/sub/aud as the first ID token (OIDC Core 12.2).
 */

const HASH_BY_ALG_SUFFIX: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };

/** Left half of the hash of the ASCII token, base64url (OIDC Core 3.1.3.6). */
export function tokenHash(token: string, alg: string): string {
  const hash = alg === 'EdDSA' || alg === 'Ed25519' ? 'sha512' : HASH_BY_ALG_SUFFIX[alg.slice(-3)];
  if (hash === undefined) throw new AppError('ALG_NOT_ALLOWED', `Cannot compute at_hash for alg ${alg}.`, 'The provider must sign ID tokens with a standard algorithm (Cognito: RS256).');
  const digest = createHash(hash).update(token, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

export function checkIdTokenExtras(idToken: string, claims: Record<string, unknown>, accessToken: string, nowMs: number, toleranceS: number): void {
  if (claims.at_hash !== undefined) {
    const { alg } = decodeProtectedHeader(idToken);
    if (typeof claims.at_hash !== 'string' || tokenHash(accessToken, alg ?? '') !== claims.at_hash) {
      throw new AppError('AT_HASH_MISMATCH', 'The ID token does not belong to the access token it came with (at_hash mismatch).',
        'A token was substituted in transit or the provider is broken; sign in again and do not use these tokens.', { details: { claim: 'at_hash' } });
    }
  }
  if (typeof claims.iat === 'number' && claims.iat > nowMs / 1000 + toleranceS) {
    const aheadS = Math.round(claims.iat - nowMs / 1000);
    throw new AppError('CLOCK_SKEW', `The ID token was issued ${aheadS} s in the future by this computer's clock.`,
      "This computer's clock is behind: enable automatic time sync, then sign in again.", { details: { claim: 'iat', aheadSeconds: aheadS } });
  }
}

const sameAud = (a: unknown, b: unknown) => JSON.stringify([a].flat().sort()) === JSON.stringify([b].flat().sort());

export function checkRefreshConsistency(previous: Record<string, unknown> | undefined, next: Record<string, unknown>): void {
  if (previous === undefined) return;
  if (previous.iss !== next.iss) {
    throw new AppError('ISSUER_MISMATCH', 'The refreshed ID token comes from a different issuer than the first one.', 'Sign in again.', { details: { claim: 'iss' } });
  }
  if (previous.sub !== next.sub) {
    throw new AppError('SUBJECT_CHANGED', 'The refreshed ID token is for a different user than the first one.', 'Sign in again; the stored session is not used.', { details: { claim: 'sub' } });
  }
  if (!sameAud(previous.aud, next.aud)) {
    throw new AppError('AUDIENCE_MISMATCH', 'The refreshed ID token has a different audience than the first one.', 'Sign in again.', { details: { claim: 'aud' } });
  }
}
