import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import type { AppClientConfig, EmulatorConfig } from '../config-schema.js';
import type { PoolKeys, SigningKey } from '../keys.js';
import type { PoolUser } from '../state/users.js';
import { roleClaims } from './role-claims.js';

export interface TokenContext {
  config: EmulatorConfig;
  keys: PoolKeys;
  issuer: string;
}

export interface UserTokenRequest {
  user: PoolUser;
  client: AppClientConfig;
  scopes: string[];
  authTime: number;
  originJti: string;
  /** seconds since the epoch */
  now: number;
  nonce?: string;
}

export interface IssuedTokens {
  accessToken: string;
  /** Only when the scopes include openid. */
  idToken?: string;
}

async function sign(key: SigningKey, payload: JWTPayload): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ kid: key.kid, alg: 'RS256' }).sign(key.privateKey);
}

/** at_hash: base64url of the left half of SHA-256 over the access token. */
export function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');
}

/** Access (and, with openid, ID) tokens with Cognito's claim sets (reference §3.2, §3.3). */
export async function issueUserTokens(ctx: TokenContext, req: UserTokenRequest): Promise<IssuedTokens> {
  const { user, client, now } = req;
  const revocable = client.enableTokenRevocation;
  const roles = roleClaims(ctx.config, user.groups);
  const access: JWTPayload = {
    sub: user.sub,
    ...(roles.groups.length > 0 ? { 'cognito:groups': roles.groups } : {}),
    iss: ctx.issuer,
    version: 2,
    client_id: client.clientId,
    ...(revocable ? { origin_jti: req.originJti } : {}),
    token_use: 'access',
    scope: req.scopes.join(' '),
    auth_time: req.authTime,
    exp: now + client.accessTokenValiditySeconds,
    iat: now,
    jti: randomUUID(),
    username: user.username,
  };
  const accessToken = await sign(ctx.keys.access, access);
  if (!req.scopes.includes('openid')) return { accessToken };

  const id: JWTPayload = {
    at_hash: atHash(accessToken),
    sub: user.sub,
    ...(roles.groups.length > 0 ? { 'cognito:groups': roles.groups } : {}),
    ...(user.email !== undefined ? { email_verified: user.emailVerified } : {}),
    iss: ctx.issuer,
    'cognito:username': user.username,
    ...(req.nonce !== undefined ? { nonce: req.nonce } : {}),
    ...(roles.preferredRole !== undefined ? { 'cognito:preferred_role': roles.preferredRole } : {}),
    ...(revocable ? { origin_jti: req.originJti } : {}),
    ...(roles.roles.length > 0 ? { 'cognito:roles': roles.roles } : {}),
    aud: client.clientId,
    ...(user.identities !== undefined ? { identities: user.identities.map(identityClaim) } : {}),
    ...user.attributes,
    token_use: 'id',
    auth_time: req.authTime,
    exp: now + client.idTokenValiditySeconds,
    iat: now,
    jti: randomUUID(),
    ...(user.email !== undefined ? { email: user.email } : {}),
  };
  return { accessToken, idToken: await sign(ctx.keys.id, id) };
}

/** In the ID token every value is a string (primary "true", dateCreated in ms) and issuer is null. */
function identityClaim(i: NonNullable<PoolUser['identities']>[number]): Record<string, string | null> {
  return {
    userId: i.userId,
    providerName: i.providerName,
    providerType: i.providerType,
    issuer: null,
    primary: 'true',
    dateCreated: String(i.dateCreated),
  };
}

/** client_credentials: an access token for the client itself; sub is the client id, no username. */
export async function issueClientToken(ctx: TokenContext, client: AppClientConfig, scopes: string[], now: number): Promise<string> {
  return sign(ctx.keys.access, {
    sub: client.clientId,
    token_use: 'access',
    scope: scopes.join(' '),
    auth_time: now,
    iss: ctx.issuer,
    exp: now + client.accessTokenValiditySeconds,
    iat: now,
    version: 2,
    jti: randomUUID(),
    client_id: client.clientId,
  });
}
