import type { JWTPayload } from 'jose';
import type { RoleRule } from './settings.js';

/**
 * Which role an identity pool's role mapping would pick for an ID token's claims, with the reason,
 * in Cognito's order: Token → cognito:preferred_role; Rules → the first matching rule; otherwise
 * AmbiguousRoleResolution (AuthenticatedRole → the pool's authenticated role, Deny → no credentials).
 * Only an explanation: the claims are decoded, not verified, and the pool decides for real.
 */
export type RolePick =
  | { kind: 'role'; roleArn: string; why: string }
  | { kind: 'ambiguous'; why: string };

export function pickRole(mapping: { type: string; rules: RoleRule[] }, claims: JWTPayload): RolePick {
  if (mapping.type === 'Token') {
    const preferred = claims['cognito:preferred_role'];
    if (typeof preferred === 'string' && preferred) return { kind: 'role', roleArn: preferred, why: 'the token\'s cognito:preferred_role (its group with the lowest precedence)' };
    const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as unknown[]).join(', ') : '';
    return { kind: 'ambiguous', why: `the token has no cognito:preferred_role (${groups ? `groups ${groups}: none with a role, or a precedence tie` : 'the user is in no group with an IAM role'})` };
  }
  const index = mapping.rules.findIndex((r) => ruleMatches(r, claims));
  const rule = mapping.rules[index];
  if (rule) return { kind: 'role', roleArn: rule.roleArn, why: `rule ${index + 1} (${describeRule(rule)}) is the first that matches` };
  return { kind: 'ambiguous', why: `none of the ${mapping.rules.length} rule${mapping.rules.length === 1 ? '' : 's'} matches the token's claims` };
}

export const describeRule = (r: RoleRule) => `${r.claim} ${r.matchType} "${r.value}" → ${r.roleArn}`;

/** Cognito's matching: an array claim (cognito:groups) matches when any element does; NotEqual when none is equal. */
function ruleMatches(rule: RoleRule, claims: JWTPayload): boolean {
  const raw = claims[rule.claim];
  if (raw === undefined || raw === null) return false;
  const values = (Array.isArray(raw) ? raw : [raw]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  switch (rule.matchType) {
    case 'Equals': return values.includes(rule.value);
    case 'NotEqual': return !values.includes(rule.value);
    case 'Contains': return values.some((v) => v.includes(rule.value));
    case 'StartsWith': return values.some((v) => v.startsWith(rule.value));
    default: return false;
  }
}
