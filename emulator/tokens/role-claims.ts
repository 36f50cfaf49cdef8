import type { EmulatorConfig } from '../config-schema.js';

export interface RoleClaims {
  groups: string[];
  roles: string[];
  preferredRole?: string;
}

/**
 * cognito:groups, cognito:roles and cognito:preferred_role for a user's groups. The preferred role
 * is the role of the group with the lowest precedence; a single role is always preferred; a tie
 * at the lowest precedence leaves it out.
 */
export function roleClaims(config: EmulatorConfig, userGroups: readonly string[]): RoleClaims {
  const defined = new Map(config.userPool.groups.map((g) => [g.name, g]));
  const ordered = [...userGroups].sort((a, b) => rank(defined.get(a)?.precedence) - rank(defined.get(b)?.precedence));
  const withRoles = ordered
    .map((name) => defined.get(name))
    .filter((g): g is NonNullable<typeof g> & { roleArn: string } => g?.roleArn !== undefined);
  const roles = [...new Set(withRoles.map((g) => g.roleArn))];
  const out: RoleClaims = { groups: ordered, roles };
  if (roles.length === 1) out.preferredRole = roles[0];
  else if (withRoles.length > 1) {
    const [first, second] = withRoles;
    if (first !== undefined && second !== undefined && rank(first.precedence) < rank(second.precedence)) out.preferredRole = first.roleArn;
  }
  return out;
}

/** A group without a precedence ranks after every group with one. */
function rank(p: number | undefined): number {
  return p ?? Number.MAX_SAFE_INTEGER;
}
