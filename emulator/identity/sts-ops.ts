import type { IncomingMessage } from 'node:http';
import { decodeJwt, errors as joseErrors, type JWTPayload } from 'jose';
import type { IdentityPoolConfig } from '../config-schema.js';
import type { IdentityContext } from './context.js';
import { accountOf, assumedRoleArn, roleId } from './credentials.js';
import { OPENID_ISSUER } from './openid-token.js';
import { fromIncoming, verifySigV4 } from './sigv4-verify.js';
import { StsError, type XmlNode } from './sts-xml.js';

const validation = (field: string, value: string | undefined, constraint: string): StsError =>
  new StsError('ValidationError', `1 validation error detected: Value ${value === undefined ? 'null' : `'${value}'`} at '${field}' failed to satisfy constraint: ${constraint}`, 400);

function required(params: URLSearchParams, name: string, min: number, max: number): string {
  const field = name.charAt(0).toLowerCase() + name.slice(1);
  const value = params.get(name) ?? undefined;
  if (value === undefined) throw validation(field, value, 'Member must not be null');
  if (value.length < min) throw validation(field, value, `Member must have length greater than or equal to ${min}`);
  if (value.length > max) throw validation(field, value.slice(0, 64), `Member must have length less than or equal to ${max}`);
  return value;
}

function durationSeconds(params: URLSearchParams): number {
  const raw = params.get('DurationSeconds');
  if (raw === null) return 3600;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw validation('durationSeconds', raw, 'Member must be an integer');
  if (value < 900) throw validation('durationSeconds', raw, 'Member must have value greater than or equal to 900');
  if (value > 43200) throw validation('durationSeconds', raw, 'Member must have value less than or equal to 43200');
  return value;
}

/** Basic flow: trade a GetOpenIdToken token for credentials of a role the identity pool allows. */
export async function assumeRoleWithWebIdentity(ctx: IdentityContext, params: URLSearchParams): Promise<XmlNode[]> {
  const roleArn = required(params, 'RoleArn', 20, 2048);
  const sessionName = required(params, 'RoleSessionName', 2, 64);
  if (!/^[\w+=,.@-]*$/.test(sessionName)) throw validation('roleSessionName', sessionName, 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
  const token = required(params, 'WebIdentityToken', 4, 20000);
  const duration = durationSeconds(params);

  const claims = await verifyWebIdentityToken(ctx, token);
  const pool = ctx.config.identityPools.find((p) => p.id === claims.aud);
  if (!pool || typeof claims.sub !== 'string') throw new StsError('InvalidIdentityToken', 'Incorrect token audience', 400);
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  // The role's trust policy in AWS checks aud and amr; here the pool's own roles stand in for it.
  if (!rolesFor(ctx, pool, amr.includes('authenticated')).has(roleArn)) {
    throw new StsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403);
  }

  const creds = ctx.ledger.issue({ roleArn, sessionName, identityId: claims.sub, durationSeconds: duration, nowMs: ctx.clock.now() });
  return [
    ['Credentials', [
      ['AccessKeyId', creds.accessKeyId],
      ['SecretAccessKey', creds.secretAccessKey],
      ['SessionToken', creds.sessionToken],
      ['Expiration', isoSeconds(creds.expiresAt)],
    ]],
    ['SubjectFromWebIdentityToken', claims.sub],
    ['AssumedRoleUser', [
      ['Arn', assumedRoleArn(roleArn, sessionName)],
      ['AssumedRoleId', `${roleId(roleArn)}:${sessionName}`],
    ]],
    ['Provider', 'cognito-identity.amazonaws.com'],
    ['Audience', pool.id],
  ];
}

const SIGNATURE_MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/**
 * Who the caller is, for credentials this emulator issued. The SigV4 signature is checked with the
 * secret issued for the access key id, over the body as received, as STS does: an unknown key or
 * session token is InvalidClientTokenId, a wrong signature SignatureDoesNotMatch.
 */
export function getCallerIdentity(ctx: IdentityContext, req: IncomingMessage, body: Buffer): XmlNode[] {
  const check = verifySigV4(fromIncoming(req, body), (id) => ctx.ledger.find(id)?.secretAccessKey);
  if (!check.ok && check.reason === 'missing') throw new StsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
  if (!check.ok && check.reason === 'malformed') throw new StsError('IncompleteSignature', 'The request signature does not conform to AWS standards.', 400);
  const record = check.auth ? ctx.ledger.find(check.auth.accessKeyId) : undefined;
  if (!record || req.headers['x-amz-security-token'] !== record.sessionToken) {
    throw new StsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
  }
  if (check.auth?.service !== 'sts') throw new StsError('SignatureDoesNotMatch', "Credential should be scoped to correct service: 'sts'. ", 403);
  if (!check.ok) throw new StsError('SignatureDoesNotMatch', SIGNATURE_MISMATCH, 403);
  if (record.expiresAt <= ctx.clock.now()) throw new StsError('ExpiredToken', 'The security token included in the request is expired', 403);
  return [
    ['Arn', assumedRoleArn(record.roleArn, record.sessionName)],
    ['UserId', `${roleId(record.roleArn)}:${record.sessionName}`],
    ['Account', accountOf(record.roleArn, ctx.config.accountId)],
  ];
}

async function verifyWebIdentityToken(ctx: IdentityContext, token: string): Promise<JWTPayload> {
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    throw new StsError('InvalidIdentityToken', 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)', 400);
  }
  if (unverified.iss !== OPENID_ISSUER) {
    throw new StsError('InvalidIdentityToken', `No OpenIDConnect provider found in your account for ${String(unverified.iss)}`, 400);
  }
  const nowMs = ctx.clock.now();
  try {
    return await (await ctx.openIdTokens).verify(token, nowMs);
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      throw new StsError('ExpiredTokenException', `Token expired: current date/time ${Math.floor(nowMs / 1000)} must be before the expiration date/time ${String(unverified.exp)}`, 400);
    }
    throw new StsError('InvalidIdentityToken', "Couldn't verify the web identity token's signature.", 400);
  }
}

/** Roles a pool's identities may take: guests the unauthenticated role; users the authenticated role and every mapped role. */
function rolesFor(ctx: IdentityContext, pool: IdentityPoolConfig, authenticated: boolean): Set<string> {
  const roles = new Set<string>();
  if (!authenticated) {
    if (pool.unauthenticatedRoleArn) roles.add(pool.unauthenticatedRoleArn);
    return roles;
  }
  if (pool.authenticatedRoleArn) roles.add(pool.authenticatedRoleArn);
  for (const link of pool.providers) {
    for (const rule of link.roleMapping?.rules ?? []) roles.add(rule.roleArn);
    if (link.roleMapping?.type === 'Token') for (const group of ctx.config.userPool.groups) if (group.roleArn) roles.add(group.roleArn);
  }
  return roles;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
