import { describe, expect, it } from 'vitest';
import { CredentialLedger, assumedRoleArn, parseRoleArn, roleId } from '../../../../emulator/identity/credentials.js';

describe('role ARNs', () => {
  it.each([
    { arn: 'arn:aws:iam::123456789012:role/Admin', parsed: { account: '123456789012', name: 'Admin' }, assumed: 'arn:aws:sts::123456789012:assumed-role/Admin/s1' },
    { arn: 'arn:aws:iam::123456789012:role/team/app/Reader', parsed: { account: '123456789012', name: 'Reader' }, assumed: 'arn:aws:sts::123456789012:assumed-role/Reader/s1' },
    { arn: 'arn:aws:iam::1234:role/Short', parsed: undefined, assumed: 'arn:aws:iam::1234:role/Short/s1' },
  ])('$arn', ({ arn, parsed, assumed }) => {
    expect({ parsed: parseRoleArn(arn), assumed: assumedRoleArn(arn, 's1') }).toEqual({ parsed, assumed });
  });

  it('derives a stable IAM-shaped role id per role', () => {
    const id = roleId('arn:aws:iam::123456789012:role/Admin');
    expect(id).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(roleId('arn:aws:iam::123456789012:role/Admin')).toBe(id);
    expect(roleId('arn:aws:iam::123456789012:role/Reader')).not.toBe(id);
  });
});

describe('CredentialLedger', () => {
  it('issues well-formed keys, remembers them until they expire', () => {
    const ledger = new CredentialLedger();
    const grant = { roleArn: 'arn:aws:iam::123456789012:role/Admin', sessionName: 's1', identityId: 'us-east-1:abc', durationSeconds: 3600, nowMs: 1_000_000 };
    const creds = ledger.issue(grant);
    expect(creds.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(creds.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(creds.expiresAt).toBe(1_000_000 + 3_600_000);
    expect(ledger.find(creds.accessKeyId)).toEqual({ roleArn: grant.roleArn, sessionName: 's1', identityId: 'us-east-1:abc', secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken, expiresAt: creds.expiresAt });
    ledger.issue({ ...grant, nowMs: creds.expiresAt });
    expect(ledger.find(creds.accessKeyId)).toBeUndefined();
  });
});
