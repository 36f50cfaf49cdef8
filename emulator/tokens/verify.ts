import { decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Clock } from '../../main/core/ports.js';
import type { PoolKeys } from '../keys.js';

export interface VerifyContext {
  keys: PoolKeys;
  issuer: string;
  clock: Clock;
  isRevoked(originJti: string): boolean;
}

/**
 * Verifies a user-pool ID token the way the identity pool does, failing with Cognito's
 * NotAuthorizedException messages ("Invalid login token. ...").
 */
export async function verifyIdToken(ctx: VerifyContext, token: string): Promise<JWTPayload> {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    throw new Error('Invalid login token. Not a valid OpenId Connect identity token.');
  }
  if (claims.iss !== ctx.issuer) throw new Error("Invalid login token. Issuer doesn't match providerName");
  if (claims.token_use !== 'id') throw new Error('Invalid login token. Not a valid OpenId Connect identity token.');
  const now = Math.floor(ctx.clock.now() / 1000);
  if (typeof claims.exp !== 'number' || now >= claims.exp) {
    // Live wording: "Token expired: <now> >= <exp>".
    throw new Error(`Invalid login token. Token expired: ${now} >= ${String(claims.exp)}`);
  }
  try {
    await jwtVerify(token, ctx.keys.id.publicKey, { issuer: ctx.issuer, algorithms: ['RS256'], currentDate: new Date(ctx.clock.now()) });
  } catch {
    throw new Error("Invalid login token. Couldn't verify signed token.");
  }
  if (typeof claims.origin_jti === 'string' && ctx.isRevoked(claims.origin_jti)) throw new Error('Token is inactive');
  return claims;
}

export type AccessCheck = { ok: true; claims: JWTPayload } | { ok: false; reason: 'invalid' | 'expired' | 'revoked' };

/** Verifies an access token for /oauth2/userInfo: signature (access key), iss, token_use, exp, revocation. */
export async function verifyAccessToken(ctx: VerifyContext, token: string): Promise<AccessCheck> {
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, ctx.keys.access.publicKey, {
      issuer: ctx.issuer,
      algorithms: ['RS256'],
      currentDate: new Date(ctx.clock.now()),
    }));
  } catch (err) {
    return { ok: false, reason: err instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
  if (claims.token_use !== 'access') return { ok: false, reason: 'invalid' };
  if (typeof claims.origin_jti === 'string' && ctx.isRevoked(claims.origin_jti)) return { ok: false, reason: 'revoked' };
  return { ok: true, claims };
}
