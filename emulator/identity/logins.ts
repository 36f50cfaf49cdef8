import type { JWTPayload } from 'jose';
import type { IdentityPoolConfig } from '../config-schema.js';
import { IdentityError, messages } from './errors.js';
import type { ProviderLink } from './role-resolution.js';

export interface VerifiedLogin {
  /** The Logins key: cognito-idp.<region>.amazonaws.com/<userPoolId>. */
  providerName: string;
  link: ProviderLink;
  claims: JWTPayload;
  sub: string;
}

export interface LoginVerifier {
  nowMs(): number;
  verifyUserPoolIdToken(token: string): Promise<JWTPayload>;
  isRevoked?(originJti: string): boolean;
}

/** A user pool's Logins key; its region is the user pool id's prefix (us-east-1_Abc → us-east-1). */
export function providerNameFor(userPoolId: string): string {
  return `cognito-idp.${userPoolId.split('_')[0] ?? ''}.amazonaws.com/${userPoolId}`;
}

const notAuthorized = (message: string): IdentityError => new IdentityError('NotAuthorizedException', message);

/**
 * Checks every entry of a Logins map the way Cognito does for a user pool provider: the key must
 * name a linked user pool, the value must be a valid, unexpired, unrevoked ID token from that pool
 * for the linked app client. Returns the first login (the one role mapping uses), or undefined
 * when the map is empty (a guest).
 */
export async function verifyLogins(pool: IdentityPoolConfig, logins: Record<string, string>, verifier: LoginVerifier): Promise<VerifiedLogin | undefined> {
  let first: VerifiedLogin | undefined;
  for (const [providerName, token] of Object.entries(logins)) {
    const verified = await verifyOne(pool, providerName, token, verifier);
    first ??= verified;
  }
  return first;
}

async function verifyOne(pool: IdentityPoolConfig, providerName: string, token: string, verifier: LoginVerifier): Promise<VerifiedLogin> {
  const links = pool.providers.filter((p) => providerNameFor(p.userPoolId) === providerName);
  if (links.length === 0) throw notAuthorized(messages.unsupportedProvider);

  let claims: JWTPayload;
  try {
    claims = await verifier.verifyUserPoolIdToken(token);
  } catch (error) {
    throw notAuthorized(error instanceof Error && error.message ? error.message : 'Invalid login token.');
  }
  const userPoolId = providerName.slice(providerName.indexOf('/') + 1);
  // The emulator's issuer is http://127.0.0.1:PORT/<poolId>, Cognito's https://cognito-idp.../<poolId>: compare the pool id.
  if (typeof claims.iss !== 'string' || !claims.iss.endsWith(`/${userPoolId}`)) throw notAuthorized(messages.issuerMismatch);
  if (claims.token_use !== 'id') throw notAuthorized(messages.notAnIdToken);

  const nowSeconds = Math.floor(verifier.nowMs() / 1000);
  if (typeof claims.exp === 'number' && claims.exp <= nowSeconds) throw notAuthorized(messages.tokenExpired(claims.exp, nowSeconds));

  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  const link = links.find((l) => audiences.includes(l.clientId));
  if (!link) throw notAuthorized(messages.unsupportedProvider);

  const originJti = claims.origin_jti;
  if (typeof originJti === 'string' && verifier.isRevoked?.(originJti)) throw notAuthorized(messages.tokenInactive);
  if (typeof claims.sub !== 'string' || claims.sub === '') throw notAuthorized(messages.notAnIdToken);
  return { providerName, link, claims, sub: claims.sub };
}
