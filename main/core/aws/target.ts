import { AppError } from '../errors/app-error.js';
import { checkEgress } from '../net/egress.js';
import { isLoopbackHost } from '../net/loopback.js';
import { parseCognitoIssuer } from '../profiles/cognito-issuer.js';

export type IdentityMode = 'enhanced' | 'basic' | 'guest';

/** Just the profile fields the identity pool flows read (a full Profile fits; so does raw profiles.json). */
export interface IdentityProfile {
  name: string;
  issuer: string;
  identityPool?: { id: string; mode?: IdentityMode; endpoint?: string; roleArn?: string; durationSeconds?: number };
}

/** What to ask which identity pool for, after profile settings and command-line overrides. */
export interface IdentityTarget {
  profile: string;
  poolId: string;
  /** From the pool id's prefix (us-east-1:...). */
  region: string;
  endpoint?: string;
  mode: IdentityMode;
  /** The Logins key for the profile's issuer. */
  loginsKey: string;
  /** Asked for explicitly (--role-arn, else the profile's roleArn); absent means the pool decides. */
  roleArn?: string;
  durationSeconds?: number;
}

export interface TargetOverrides {
  roleArn?: string;
  mode?: IdentityMode;
  durationSeconds?: number;
}

export function identityTarget(profile: IdentityProfile, overrides: TargetOverrides = {}): IdentityTarget {
  const pool = profile.identityPool;
  if (!pool) {
    throw new AppError('INVALID_CONFIG', `profile "${profile.name}" has no identity pool`, `add one: cognito-inspector profiles edit ${profile.name} --identity-pool-id us-east-1:<guid>`);
  }
  // The endpoint receives the ID token and answers with the secret key: refused before any request
  // unless https or loopback, also for a profile saved before the rule.
  if (pool.endpoint) checkEgress(pool.endpoint, `profile "${profile.name}"'s identity pool endpoint`);
  const endpoint = pool.endpoint ?? localPoolEndpoint(profile.issuer);
  const region = pool.id.split(':')[0] ?? '';
  const roleArn = overrides.roleArn ?? pool.roleArn;
  const durationSeconds = overrides.durationSeconds ?? pool.durationSeconds;
  return {
    profile: profile.name,
    poolId: pool.id,
    region,
    ...(endpoint ? { endpoint } : {}),
    mode: overrides.mode ?? pool.mode ?? 'enhanced',
    loginsKey: loginsKeyFor(profile.issuer),
    ...(roleArn ? { roleArn } : {}),
    ...(durationSeconds ? { durationSeconds } : {}),
  };
}

/**
 * A Cognito-shaped issuer on loopback is a local pool (ours serves the identity pool on the same
 * origin). AWS's identity pools could never fetch its keys, so sending its tokens there is never right.
 */
export function localPoolEndpoint(issuer: string): string | undefined {
  const p = parseCognitoIssuer(issuer);
  if (!p?.local) return undefined;
  const url = new URL(issuer);
  return isLoopbackHost(url.hostname) ? `${url.origin}/` : undefined;
}

/**
 * Cognito user pools: cognito-idp.<region>.amazonaws.com/<poolId> (also for the local pool, whose
 * issuer is on 127.0.0.1). Any other OIDC provider: its issuer without the scheme, as identity
 * pools name OpenID Connect providers.
 */
export function loginsKeyFor(issuer: string): string {
  const p = parseCognitoIssuer(issuer);
  if (p) return `cognito-idp.${p.region}.amazonaws.com/${p.userPoolId}`;
  return issuer.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}
