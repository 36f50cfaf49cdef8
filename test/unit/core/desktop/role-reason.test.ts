import { describe, expect, it } from 'vitest';
import { roleReason } from '../../../../main/core/desktop/credentials-keeper.js';
import type { IdentityTarget } from '../../../../main/core/aws/target.js';

const target = (mode: IdentityTarget['mode']): IdentityTarget => ({ profile: 'p', poolId: 'us-east-1:1', region: 'us-east-1', mode, loginsKey: 'k' });
const ADMIN = 'arn:aws:iam::123456789012:role/Admin';
const DEV = 'arn:aws:iam::123456789012:role/Dev';

describe('why the credentials carry their role', () => {
  it.each([
    ['guest', target('guest'), {}, undefined, undefined, undefined, /role for guests/],
    ['chosen in the window', target('enhanced'), { roleArn: DEV }, undefined, ADMIN, DEV, /chosen by you/],
    ["the profile's setting", target('basic'), {}, DEV, ADMIN, DEV, /profile's identity-pool roleArn/],
    ['the preferred role', target('enhanced'), {}, undefined, ADMIN, ADMIN, /cognito:preferred_role/],
    ["the pool's choice", target('enhanced'), {}, undefined, undefined, 'arn:aws:iam::123456789012:role/Auth', /identity pool's choice/],
  ])('%s', (_label, t, choice, profileRole, preferred, role, expected) => {
    expect(roleReason(t, choice, profileRole, preferred, role)).toMatch(expected);
  });
});
