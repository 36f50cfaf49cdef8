import type { JWTPayload } from 'jose';
import type { IdentityPoolConfig } from '../config-schema.js';
import { IdentityError, messages } from './errors.js';

export type ProviderLink = IdentityPoolConfig['providers'][number];
type RoleRule = NonNullable<ProviderLink['roleMapping']>['rules'][number];

export interface RoleRequest {
  pool: IdentityPoolConfig;
  /** The verified user pool login; absent for a guest identity. */
  login?: { link: ProviderLink; claims: JWTPayload };
  customRoleArn?: string;
}

export type RoleDecision = { ok: true; roleArn: string } | { ok: false; error: IdentityError };

const fail = (type: IdentityError['type'], message: string): RoleDecision => ({ ok: false, error: new IdentityError(type, message) });
const grant = (roleArn: string): RoleDecision => ({ ok: true, roleArn });
const noRole = (): RoleDecision => fail('InvalidIdentityPoolConfigurationException', messages.invalidPoolConfiguration);
const customDenied = (): RoleDecision => fail('NotAuthorizedException', messages.customRoleDenied);

/**
 * The enhanced flow's role choice (reference §4, role-based-access-control): guests get the
 * unauthenticated role; a user pool login goes through the provider's role mapping (Token or
 * Rules) and, when that yields nothing, AmbiguousRoleResolution; without a mapping the pool's
 * authenticated role. A CustomRoleArn is honoured only if it is one of the roles the login could get.
 */
export function resolveRole({ pool, login, customRoleArn }: RoleRequest): RoleDecision {
  if (!login) {
    if (!pool.allowUnauthenticated) return fail('NotAuthorizedException', messages.unauthenticatedNotSupported);
    if (!pool.unauthenticatedRoleArn) return noRole();
    return onlyThisRole(pool.unauthenticatedRoleArn, customRoleArn);
  }
  const mapping = login.link.roleMapping;
  if (!mapping) return pool.authenticatedRoleArn ? onlyThisRole(pool.authenticatedRoleArn, customRoleArn) : noRole();

  if (mapping.type === 'Token') {
    const roles = tokenRoles(login.claims);
    if (customRoleArn !== undefined) return roles.includes(customRoleArn) ? grant(customRoleArn) : customDenied();
    const preferred = login.claims['cognito:preferred_role'];
    if (typeof preferred === 'string' && preferred !== '') return grant(preferred);
  } else {
    const rule = mapping.rules.find((r) => ruleMatches(r, login.claims));
    if (rule) return onlyThisRole(rule.roleArn, customRoleArn);
  }
  if (mapping.ambiguousRoleResolution === 'Deny') return fail('NotAuthorizedException', messages.ambiguousDenied);
  return pool.authenticatedRoleArn ? onlyThisRole(pool.authenticatedRoleArn, customRoleArn) : noRole();
}

function onlyThisRole(roleArn: string, customRoleArn: string | undefined): RoleDecision {
  return customRoleArn === undefined || customRoleArn === roleArn ? grant(roleArn) : customDenied();
}

/** cognito:roles is a JSON array in current tokens; older docs call it a comma-separated string. */
export function tokenRoles(claims: JWTPayload): string[] {
  const raw = claims['cognito:roles'];
  if (Array.isArray(raw)) return raw.filter((r): r is string => typeof r === 'string');
  if (typeof raw === 'string') return raw.split(',').map((r) => r.trim()).filter((r) => r !== '');
  return [];
}

/** A claim that is an array (cognito:groups) matches when any element does; NotEqual when none is equal. */
export function ruleMatches(rule: RoleRule, claims: JWTPayload): boolean {
  const raw = claims[rule.claim];
  if (raw === undefined || raw === null) return false;
  const values = (Array.isArray(raw) ? raw : [raw]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  switch (rule.matchType) {
    case 'Equals':
      return values.includes(rule.value);
    case 'NotEqual':
      return !values.includes(rule.value);
    case 'Contains':
      return values.some((v) => v.includes(rule.value));
    case 'StartsWith':
      return values.some((v) => v.startsWith(rule.value));
  }
}
