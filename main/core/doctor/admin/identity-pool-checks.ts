import { decodeJwt, type JWTPayload } from 'jose';
import type { Profile } from '../../profiles/schema.js';
import { finding, type Finding } from '../types.js';
import { identityConsole, updateIdentityPool } from './fix-text.js';
import { describeRule, pickRole } from './role-explain.js';
import type { IdentityPoolSettings, RoleSettings } from './settings.js';

/**
 * `identity-pool-provider`: the identity pool lists this user pool AND this app client as an
 * authentication provider. `role-mapping`: which role a signed-in user gets and why, including
 * what happens when no rule applies (AmbiguousRoleResolution: the authenticated role, or Deny).
 */
export function checkIdentityPool(profile: Profile, loginsKey: string, pool: IdentityPoolSettings): Finding {
  const mine = pool.providers.filter((p) => p.providerName === loginsKey);
  const entry = mine.find((p) => p.clientId === profile.clientId);
  const add = `ProviderName=${loginsKey},ClientId=${profile.clientId},ServerSideTokenCheck=true`;
  const fix = `add it under User access → Identity providers → Amazon Cognito user pool (${identityConsole('User access')}; user pool ${loginsKey.split('/').pop() ?? ''}, app client ${profile.clientId}), or: ${updateIdentityPool(pool.id, `--cognito-identity-providers ${[...pool.providers.map((p) => `ProviderName=${p.providerName},ClientId=${p.clientId},ServerSideTokenCheck=${p.serverSideTokenCheck}`), add].join(' ')}`)}`;
  if (!entry) {
    const others = mine.map((p) => p.clientId);
    return finding('identity-pool-provider', 'fail', pool.id, others.length
      ? `the pool trusts ${loginsKey} only for app client${others.length === 1 ? '' : 's'} ${others.join(', ')}, not ${profile.clientId}: GetId with this client's ID token is refused ("Token is not from a supported provider of this identity pool")`
      : `${loginsKey} is not an authentication provider of the pool${pool.providers.length ? ` (it has ${pool.providers.map((p) => p.providerName).join(', ')})` : ''}: the ID token is refused`, fix);
  }
  return entry.serverSideTokenCheck
    ? finding('identity-pool-provider', 'pass', pool.id, `${loginsKey} with app client ${profile.clientId}; ServerSideTokenCheck on (tokens of a signed-out or revoked session are refused)`)
    : finding('identity-pool-provider', 'warn', pool.id, `${loginsKey} with app client ${profile.clientId}; ServerSideTokenCheck off: a signed-out user's ID token still gets AWS credentials until it expires`,
      `turn on Token check on the provider (${identityConsole('User access → Identity providers')}), or: ${updateIdentityPool(pool.id, `--cognito-identity-providers ${add}`)}`);
}

export function checkRoleMapping(profile: Profile, loginsKey: string, poolId: string, roles: RoleSettings, idToken?: string): Finding {
  const key = `${loginsKey}:${profile.clientId}`;
  const mapping = roles.mappings[key];
  const authRole = roles.authenticatedRole;
  const fixRoles = (resolution: string) => `set Role selection / ambiguous-role resolution (${identityConsole('User access → Identity providers → your user pool → Role settings')}), or: aws cognito-identity set-identity-pool-roles --identity-pool-id ${poolId} --roles authenticated=${authRole ?? '<role arn>'} --role-mappings '{"${key}":{"Type":"${mapping?.type ?? 'Token'}","AmbiguousRoleResolution":"${resolution}"${mapping?.rules.length ? ',"RulesConfiguration":{"Rules":[…]}' : ''}}}'`;
  if (!mapping) {
    return authRole
      ? finding('role-mapping', 'pass', key, `no role mapping: every signed-in user gets the authenticated role ${authRole}`)
      : finding('role-mapping', 'fail', key, 'no role mapping and no authenticated role: GetCredentialsForIdentity fails with InvalidIdentityPoolConfigurationException', `choose an authenticated role (${identityConsole('User access → Authenticated access')}), or: aws cognito-identity set-identity-pool-roles --identity-pool-id ${poolId} --roles authenticated=<role arn>`);
  }
  const deny = mapping.ambiguousRoleResolution === 'Deny';
  const fallback = deny ? 'Deny: that user gets NO credentials (NotAuthorizedException)' : `AuthenticatedRole: that user gets ${authRole ?? '(no authenticated role: InvalidIdentityPoolConfigurationException)'}`;
  const how = mapping.type === 'Rules'
    ? `Rules, first match wins: ${mapping.rules.map((r, i) => `${i + 1}. ${describeRule(r)}`).join('; ') || '(none)'}`
    : "Token: the token's cognito:preferred_role (the user's group with the lowest precedence)";
  const claims = decoded(idToken);
  if (claims) {
    const pick = pickRole(mapping, claims);
    if (pick.kind === 'role') return finding('role-mapping', 'pass', key, `${how}. For the signed-in user: ${pick.roleArn}, from ${pick.why}`);
    if (deny || !authRole) {
      return finding('role-mapping', 'fail', key, `${how}. For the signed-in user ${pick.why}, so ambiguous-role resolution applies: ${fallback}`,
        `${mapping.type === 'Rules' ? 'add a rule that matches this user, or ' : 'put the user in a group that has an IAM role, or '}${fixRoles('AuthenticatedRole')}`);
    }
    return finding('role-mapping', 'pass', key, `${how}. For the signed-in user ${pick.why}, so ambiguous-role resolution applies: ${fallback}`);
  }
  return finding('role-mapping', deny ? 'warn' : 'pass', key, `${how}. When none applies: ${fallback}${deny ? ' (sign in and run doctor again to see which applies to you)' : ''}`, deny ? fixRoles('AuthenticatedRole') : '');
}

function decoded(idToken: string | undefined): JWTPayload | undefined {
  if (!idToken) return undefined;
  try {
    return decodeJwt(idToken);
  } catch {
    return undefined;
  }
}
