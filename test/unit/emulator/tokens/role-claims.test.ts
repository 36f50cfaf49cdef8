import { describe, expect, it } from 'vitest';
import { parseEmulatorConfig } from '../../../../emulator/load-config.js';
import { roleClaims } from '../../../../emulator/tokens/role-claims.js';

const role = (n: string) => `arn:aws:iam::123456789012:role/${n}`;
const config = parseEmulatorConfig({
  userPool: {
    id: 'us-east-1_T',
    clients: [{ clientId: 'c' }],
    groups: [
      { name: 'a', precedence: 1, roleArn: role('A') },
      { name: 'b', precedence: 2, roleArn: role('B') },
      { name: 'tie', precedence: 1, roleArn: role('T') },
      { name: 'norole', precedence: 0 },
      { name: 'noprec', roleArn: role('N') },
    ],
  },
});

describe('roleClaims', () => {
  it.each([
    ['lowest precedence wins', ['b', 'a'], { groups: ['a', 'b'], roles: [role('A'), role('B')], preferredRole: role('A') }],
    ['a tie at the lowest precedence: no preferred role', ['a', 'tie', 'b'], { groups: ['a', 'tie', 'b'], roles: [role('A'), role('T'), role('B')] }],
    ['a single role is preferred even without precedence', ['noprec', 'norole'], { groups: ['norole', 'noprec'], roles: [role('N')], preferredRole: role('N') }],
    ['no groups', [], { groups: [], roles: [] }],
    ['groups without roles', ['norole'], { groups: ['norole'], roles: [] }],
  ])('%s', (_n, groups, expected) => {
    expect(roleClaims(config, groups)).toEqual(expected);
  });
});
