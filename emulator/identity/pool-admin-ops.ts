import type { IdentityPoolConfig } from '../config-schema.js';
import { findPool, type IdentityContext } from './context.js';
import { requiredId, type JsonInput } from './json-input.js';

/**
 * The signed, read-only identity pool operations `doctor --admin` uses, answered from the
 * emulator's config in Cognito's shapes (API DescribeIdentityPool, GetIdentityPoolRoles), so a
 * misconfigured config reads back as misconfigured.
 */

/** cognito-idp.<region>.amazonaws.com/<userPoolId>; the region is the pool id's prefix. */
const providerName = (userPoolId: string): string => `cognito-idp.${userPoolId.split('_')[0] ?? ''}.amazonaws.com/${userPoolId}`;

export function describeIdentityPool(ctx: IdentityContext, input: JsonInput): unknown {
  const pool = findPool(ctx, requiredId(input, 'IdentityPoolId'));
  return {
    IdentityPoolId: pool.id,
    IdentityPoolName: pool.name,
    AllowUnauthenticatedIdentities: pool.allowUnauthenticated,
    AllowClassicFlow: pool.allowClassicFlow,
    CognitoIdentityProviders: pool.providers.map((p) => ({ ProviderName: providerName(p.userPoolId), ClientId: p.clientId, ServerSideTokenCheck: p.serverSideTokenCheck })),
    IdentityPoolTags: {},
  };
}

export function getIdentityPoolRoles(ctx: IdentityContext, input: JsonInput): unknown {
  const pool = findPool(ctx, requiredId(input, 'IdentityPoolId'));
  const roles: Record<string, string> = {};
  if (pool.authenticatedRoleArn) roles.authenticated = pool.authenticatedRoleArn;
  if (pool.unauthenticatedRoleArn) roles.unauthenticated = pool.unauthenticatedRoleArn;
  const mappings = roleMappings(pool);
  return { IdentityPoolId: pool.id, Roles: roles, ...(Object.keys(mappings).length ? { RoleMappings: mappings } : {}) };
}

/** Keyed `<ProviderName>:<ClientId>`, as GetIdentityPoolRoles documents for user pools. */
function roleMappings(pool: IdentityPoolConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const link of pool.providers) {
    const m = link.roleMapping;
    if (!m) continue;
    out[`${providerName(link.userPoolId)}:${link.clientId}`] = {
      Type: m.type,
      AmbiguousRoleResolution: m.ambiguousRoleResolution,
      ...(m.type === 'Rules'
        ? { RulesConfiguration: { Rules: m.rules.map((r) => ({ Claim: r.claim, MatchType: r.matchType, Value: r.value, RoleARN: r.roleArn })) } }
        : {}),
    };
  }
  return out;
}
