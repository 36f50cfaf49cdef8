import type { AwsCredentialsEntry } from '../secrets/session-vault.js';
import { readIdClaims } from './id-claims.js';
import type { IdentityTarget } from './target.js';

/** Cached credentials are used until this long before they expire, then renewed. */
export const RENEW_BEFORE_MS = 5 * 60_000;

/** identity-ids.json key: profile, pool and the user's sub ("guest" for an unauthenticated identity). */
export const identityIdKey = (profile: string, poolId: string, sub: string | undefined): string => `${profile}|${poolId}|${sub ?? 'guest'}`;

/** The role a request asks for: explicit, else the token's preferred role (guests: the pool's choice). */
export function wantedRole(target: IdentityTarget, idToken: string | undefined): string | undefined {
  if (target.roleArn) return target.roleArn;
  return target.mode === 'guest' ? undefined : readIdClaims(idToken).preferredRole;
}

/** The user an identity belongs to (undefined: a guest identity). */
export function identityUser(target: IdentityTarget, idToken: string | undefined): string | undefined {
  return target.mode === 'guest' ? undefined : readIdClaims(idToken).sub;
}

/**
 * The stored credentials when they answer this request: same identity (so the same pool and user),
 * same role, and valid for more than RENEW_BEFORE_MS. Anything else is a miss.
 */
export function usableCached(
  target: IdentityTarget,
  entry: { idToken?: string; awsCredentials?: AwsCredentialsEntry } | null | undefined,
  identityId: string | undefined,
  nowMs: number,
): AwsCredentialsEntry | undefined {
  const creds = entry?.awsCredentials;
  if (!creds || !identityId || creds.identityId !== identityId) return undefined;
  if (creds.expiration === undefined || creds.expiration - RENEW_BEFORE_MS <= nowMs) return undefined;
  if ((creds.roleArn ?? undefined) !== wantedRole(target, entry?.idToken)) return undefined;
  return creds;
}
