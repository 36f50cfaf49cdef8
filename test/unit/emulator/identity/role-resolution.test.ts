import { describe, expect, it } from 'vitest';
import type { JWTPayload } from 'jose';
import { identityPoolSchema, type IdentityPoolConfig } from '../../../../emulator/config-schema.js';
import { resolveRole, ruleMatches, tokenRoles, type ProviderLink, type RoleDecision } from '../../../../emulator/identity/role-resolution.js';

const AUTH = 'arn:aws:iam::123456789012:role/Authenticated';
const UNAUTH = 'arn:aws:iam::123456789012:role/Guest';
const ADMIN = 'arn:aws:iam::123456789012:role/Admin';
const READER = 'arn:aws:iam::123456789012:role/Reader';
const OTHER = 'arn:aws:iam::123456789012:role/Other';

function pool(overrides: Partial<IdentityPoolConfig> = {}, roleMapping?: ProviderLink['roleMapping']): IdentityPoolConfig {
  const base = identityPoolSchema.parse({
    id: 'us-east-1:00000000-0000-0000-0000-000000000001',
    allowUnauthenticated: true,
    authenticatedRoleArn: AUTH,
    unauthenticatedRoleArn: UNAUTH,
    providers: [{ userPoolId: 'us-east-1_Local', clientId: 'client1', ...(roleMapping ? { roleMapping } : {}) }],
  });
  return { ...base, ...overrides };
}

const token = { type: 'Token' as const, ambiguousRoleResolution: 'AuthenticatedRole' as const, rules: [] };
const tokenDeny = { ...token, ambiguousRoleResolution: 'Deny' as const };
const rules = {
  type: 'Rules' as const,
  ambiguousRoleResolution: 'Deny' as const,
  rules: [
    { claim: 'cognito:groups', matchType: 'Equals' as const, value: 'admins', roleArn: ADMIN },
    { claim: 'email', matchType: 'Contains' as const, value: '@readers.example', roleArn: READER },
  ],
};

const granted = (roleArn: string): RoleDecision => ({ ok: true, roleArn });
const denied = (type: string, message: string) => ({ ok: false, type, message });
const summary = (d: RoleDecision) => (d.ok ? d : { ok: false, type: d.error.type, message: d.error.message });

const twoRoles: JWTPayload = { sub: 'u1', 'cognito:roles': [ADMIN, READER], 'cognito:preferred_role': ADMIN, 'cognito:groups': ['admins', 'readers'] };
const tiedRoles: JWTPayload = { sub: 'u1', 'cognito:roles': [ADMIN, READER] };

describe('resolveRole', () => {
  const cases: { name: string; pool: IdentityPoolConfig; claims?: JWTPayload; custom?: string; expected: unknown }[] = [
    { name: 'guest gets the unauthenticated role', pool: pool(), expected: granted(UNAUTH) },
    { name: 'guest refused when the pool disallows guests', pool: pool({ allowUnauthenticated: false }), expected: denied('NotAuthorizedException', 'Unauthenticated access is not supported for this identity pool.') },
    { name: 'guest with no unauthenticated role is a configuration error', pool: pool({ unauthenticatedRoleArn: undefined }), expected: denied('InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.') },
    { name: 'no mapping: authenticated role', pool: pool(), claims: twoRoles, expected: granted(AUTH) },
    { name: 'no mapping and no authenticated role', pool: pool({ authenticatedRoleArn: undefined }), claims: twoRoles, expected: denied('InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.') },
    { name: 'Token: preferred_role by default', pool: pool({}, token), claims: twoRoles, expected: granted(ADMIN) },
    { name: 'Token: CustomRoleArn in cognito:roles', pool: pool({}, token), claims: twoRoles, custom: READER, expected: granted(READER) },
    { name: 'Token: CustomRoleArn outside cognito:roles is denied', pool: pool({}, token), claims: twoRoles, custom: OTHER, expected: denied('NotAuthorizedException', "CustomRoleArn isn't one of the roles this identity may assume (cognito:roles or the role mapping).") },
    { name: 'Token: no preferred_role, ambiguous → AuthenticatedRole', pool: pool({}, token), claims: tiedRoles, expected: granted(AUTH) },
    { name: 'Token: no preferred_role, ambiguous → Deny', pool: pool({}, tokenDeny), claims: tiedRoles, expected: denied('NotAuthorizedException', 'The ambiguous role mapping rules denied this request.') },
    { name: 'Rules: first match wins (groups array Equals)', pool: pool({}, rules), claims: { ...twoRoles, email: 'a@readers.example' }, expected: granted(ADMIN) },
    { name: 'Rules: second rule (Contains on email)', pool: pool({}, rules), claims: { sub: 'u2', email: 'b@readers.example' }, expected: granted(READER) },
    { name: 'Rules: no match, ambiguous → Deny', pool: pool({}, rules), claims: { sub: 'u3', email: 'c@else.example' }, expected: denied('NotAuthorizedException', 'The ambiguous role mapping rules denied this request.') },
    { name: 'Rules: no match, ambiguous → AuthenticatedRole', pool: pool({}, { ...rules, ambiguousRoleResolution: 'AuthenticatedRole' }), claims: { sub: 'u3' }, expected: granted(AUTH) },
    { name: 'Rules: CustomRoleArn equal to the matched role', pool: pool({}, rules), claims: { sub: 'u2', email: 'b@readers.example' }, custom: READER, expected: granted(READER) },
    { name: 'Rules: CustomRoleArn other than the matched role is denied', pool: pool({}, rules), claims: { sub: 'u2', email: 'b@readers.example' }, custom: ADMIN, expected: denied('NotAuthorizedException', "CustomRoleArn isn't one of the roles this identity may assume (cognito:roles or the role mapping).") },
  ];

  it.each(cases)('$name', ({ pool: p, claims, custom, expected }) => {
    const link = p.providers[0];
    if (!link) throw new Error('test pool has a provider');
    const decision = resolveRole({ pool: p, ...(claims ? { login: { link, claims } } : {}), ...(custom ? { customRoleArn: custom } : {}) });
    expect(summary(decision)).toEqual(expected);
  });
});

describe('ruleMatches', () => {
  const rule = (matchType: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual', value: string, claim = 'custom:dept') => ({ claim, matchType, value, roleArn: ADMIN });
  const cases: { rule: ReturnType<typeof rule>; claims: JWTPayload; expected: boolean }[] = [
    { rule: rule('Equals', 'eng'), claims: { 'custom:dept': 'eng' }, expected: true },
    { rule: rule('Equals', 'eng'), claims: { 'custom:dept': 'engineering' }, expected: false },
    { rule: rule('Contains', 'gin'), claims: { 'custom:dept': 'engineering' }, expected: true },
    { rule: rule('StartsWith', 'eng'), claims: { 'custom:dept': 'engineering' }, expected: true },
    { rule: rule('StartsWith', 'ing'), claims: { 'custom:dept': 'engineering' }, expected: false },
    { rule: rule('NotEqual', 'eng'), claims: { 'custom:dept': 'sales' }, expected: true },
    { rule: rule('NotEqual', 'eng'), claims: { 'custom:dept': 'eng' }, expected: false },
    { rule: rule('NotEqual', 'eng'), claims: {}, expected: false },
    { rule: rule('Equals', 'admins', 'cognito:groups'), claims: { 'cognito:groups': ['users', 'admins'] }, expected: true },
    { rule: rule('NotEqual', 'admins', 'cognito:groups'), claims: { 'cognito:groups': ['users', 'admins'] }, expected: false },
    { rule: rule('Equals', 'true', 'email_verified'), claims: { email_verified: true }, expected: true },
  ];
  it.each(cases)('$rule.matchType $rule.value on $claims → $expected', ({ rule: r, claims, expected }) => {
    expect(ruleMatches(r, claims)).toBe(expected);
  });
});

describe('tokenRoles', () => {
  it.each([
    { claim: [ADMIN, READER], expected: [ADMIN, READER] },
    { claim: `${ADMIN}, ${READER}`, expected: [ADMIN, READER] },
    { claim: undefined, expected: [] },
  ])('reads cognito:roles $claim', ({ claim, expected }) => {
    expect(tokenRoles(claim === undefined ? {} : { 'cognito:roles': claim })).toEqual(expected);
  });
});
