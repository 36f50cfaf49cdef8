import { describe, expect, it } from 'vitest';
import { pickRole } from '../../../../../main/core/doctor/admin/role-explain.js';

// Which role the mapping would pick for a token's claims: the explanation role-mapping gives.
const role = (n: string) => `arn:aws:iam::123456789012:role/${n}`;
const rule = (claim: string, matchType: string, value: string, name: string) => ({ claim, matchType, value, roleArn: role(name) });
const rules = [rule('custom:team', 'Equals', 'platform', 'Platform'), rule('cognito:groups', 'Contains', 'dev', 'Dev'), rule('email', 'NotEqual', 'x@example.com', 'Others')];

describe('pickRole', () => {
  it.each([
    ['Token: the preferred role', { type: 'Token', rules: [] }, { 'cognito:preferred_role': role('Admin') }, { kind: 'role', roleArn: role('Admin') }],
    ['Token: no preferred role (a tie)', { type: 'Token', rules: [] }, { 'cognito:groups': ['a', 'b'] }, { kind: 'ambiguous' }],
    ['Rules: the first match wins', { type: 'Rules', rules }, { 'custom:team': 'platform', 'cognito:groups': ['developers'] }, { kind: 'role', roleArn: role('Platform') }],
    ['Rules: an array claim matches on any element', { type: 'Rules', rules }, { 'cognito:groups': ['admins', 'developers'], email: 'x@example.com' }, { kind: 'role', roleArn: role('Dev') }],
    ['Rules: NotEqual on a present claim', { type: 'Rules', rules }, { email: 'y@example.com' }, { kind: 'role', roleArn: role('Others') }],
    ['Rules: a missing claim never matches, NotEqual included', { type: 'Rules', rules }, {}, { kind: 'ambiguous' }],
  ] as const)('%s', (_label, mapping, claims, want) => {
    expect(pickRole({ type: mapping.type, rules: [...mapping.rules] }, claims)).toMatchObject(want);
  });

  it('says which rule matched', () => {
    expect(pickRole({ type: 'Rules', rules }, { 'cognito:groups': ['developers'] })).toEqual({ kind: 'role', roleArn: role('Dev'), why: `rule 2 (cognito:groups Contains "dev" → ${role('Dev')}) is the first that matches` });
  });
});
