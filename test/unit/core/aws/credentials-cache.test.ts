import { describe, expect, it } from 'vitest';
import { RENEW_BEFORE_MS, usableCached } from '../../../../main/core/aws/credentials-cache.js';
import { identityTarget } from '../../../../main/core/aws/target.js';

const jwt = (payload: object) => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;
const ADMIN = 'arn:aws:iam::123456789012:role/Admin';
const DEV = 'arn:aws:iam::123456789012:role/Dev';
const idToken = jwt({ sub: 'u1', 'cognito:roles': [ADMIN, DEV], 'cognito:preferred_role': ADMIN });
const profile = { name: 'p', issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc', identityPool: { id: 'us-east-1:0000-1111' } };
const now = 1_000_000_000_000;
const creds = { accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T', expiration: now + RENEW_BEFORE_MS + 1, identityId: 'us-east-1:id1', roleArn: ADMIN };

describe('usableCached', () => {
  it.each([
    ['same identity, preferred role, valid past the renewal margin', {}, { idToken, awsCredentials: creds }, 'us-east-1:id1', true],
    ['within 5 minutes of expiry', {}, { idToken, awsCredentials: { ...creds, expiration: now + RENEW_BEFORE_MS } }, 'us-east-1:id1', false],
    ['no expiration', {}, { idToken, awsCredentials: { ...creds, expiration: undefined } }, 'us-east-1:id1', false],
    ['another identity (other pool or user)', {}, { idToken, awsCredentials: creds }, 'us-east-1:id2', false],
    ['no cached identity id', {}, { idToken, awsCredentials: creds }, undefined, false],
    ['another role asked for', { roleArn: DEV }, { idToken, awsCredentials: creds }, 'us-east-1:id1', false],
    ['the role asked for', { roleArn: DEV }, { idToken, awsCredentials: { ...creds, roleArn: DEV } }, 'us-east-1:id1', true],
    ['guest credentials for a guest request', { mode: 'guest' as const }, { awsCredentials: { ...creds, roleArn: undefined } }, 'us-east-1:id1', true],
    ['user credentials for a guest request', { mode: 'guest' as const }, { idToken, awsCredentials: creds }, 'us-east-1:id1', false],
    ['nothing cached', {}, { idToken }, 'us-east-1:id1', false],
  ])('%s', (_name, overrides, entry, identityId, hit) => {
    const got = usableCached(identityTarget(profile, overrides), entry, identityId, now);
    expect(got).toEqual(hit ? (entry as { awsCredentials?: unknown }).awsCredentials : undefined);
  });
});
