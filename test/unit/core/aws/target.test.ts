import { describe, expect, it } from 'vitest';
import { identityTarget, loginsKeyFor } from '../../../../main/core/aws/target.js';

describe('identity target', () => {
  it.each([
    ['Cognito', 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123', 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123'],
    ['the local pool', 'http://127.0.0.1:4610/us-east-1_LocalDemo', 'cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalDemo'],
    ['another OIDC provider', 'https://dev-123.okta.com/oauth2/default/', 'dev-123.okta.com/oauth2/default'],
  ])('Logins key for %s', (_name, issuer, key) => {
    expect(loginsKeyFor(issuer)).toBe(key);
  });

  it('takes the region from the pool id, flags over profile settings', () => {
    const profile = { name: 'p', issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X', identityPool: { id: 'eu-west-1:1234', mode: 'basic' as const, roleArn: 'arn:a', durationSeconds: 900, endpoint: 'http://127.0.0.1:1' } };
    expect(identityTarget(profile, { roleArn: 'arn:b' })).toEqual({
      profile: 'p', poolId: 'eu-west-1:1234', region: 'eu-west-1', endpoint: 'http://127.0.0.1:1', mode: 'basic',
      loginsKey: 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X', roleArn: 'arn:b', durationSeconds: 900,
    });
  });

  it.each([
    ['a local pool on loopback', 'http://127.0.0.1:4610/us-east-1_LocalDemo', 'http://127.0.0.1:4610/'],
    ['AWS', 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123', undefined],
    ['a Cognito-shaped issuer off loopback', 'https://idp.example.test/us-east-1_AbC123', undefined],
  ])('no endpoint given, issuer on %s → identity endpoint %s', (_name, issuer, endpoint) => {
    expect(identityTarget({ name: 'p', issuer, identityPool: { id: 'us-east-1:1234' } }).endpoint).toBe(endpoint);
  });

  it('a profile without an identity pool says how to add one', () => {
    expect(() => identityTarget({ name: 'p', issuer: 'https://x' })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG', hint: 'add one: cognito-inspector profiles edit p --identity-pool-id us-east-1:<guid>' }));
  });

  it.each([
    ['http://cognito-identity.example.test/', 'INSECURE_ENDPOINT'],
    ['http://169.254.169.254/', 'INSECURE_ENDPOINT'],
    ['https://cognito-identity.us-east-1.amazonaws.com/', 'ok'],
    ['http://localhost:4610/', 'ok'],
  ])('identity pool endpoint %s (it receives the ID token) → %s', (endpoint, want) => {
    const profile = { name: 'p', issuer: 'https://x', identityPool: { id: 'us-east-1:1234', endpoint } };
    let got = 'ok';
    try {
      identityTarget(profile);
    } catch (e) {
      got = (e as { code: string }).code;
    }
    expect(got).toBe(want);
  });
});
