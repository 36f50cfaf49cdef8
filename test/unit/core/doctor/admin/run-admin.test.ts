import { describe, expect, it } from 'vitest';
import { clientSettings } from '../../../../../main/core/aws/admin-api.js';
import { ADMIN_CHECKS, runAdminChecks } from '../../../../../main/core/doctor/admin/run-admin.js';
import type { AdminApi, AdminApiFactory, AdminTarget } from '../../../../../main/core/doctor/admin/settings.js';
import { profileSchema } from '../../../../../main/core/profiles/schema.js';

// The admin checks' orchestration through the injected API: what AWS can answer that the emulator
// (which has no IAM) cannot, and where signed requests may go.
const profile = (issuer: string, extra: object = {}) => profileSchema.parse({ name: 'p', issuer, clientId: 'client1', ...extra });
const AWS_ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc';

function recording(api: Partial<AdminApi>): { factory: AdminApiFactory; targets: AdminTarget[] } {
  const targets: AdminTarget[] = [];
  const missing = () => Promise.reject(new Error('not in this test'));
  const factory: AdminApiFactory = (t) => {
    targets.push(t);
    return { describeUserPoolClient: missing, describeUserPool: missing, describeIdentityPool: missing, getIdentityPoolRoles: missing, ...api };
  };
  return { factory, targets };
}

const denied = (action: string) => Object.assign(new Error(`User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ${action} on resource: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Abc`), { name: 'AccessDeniedException' });

describe('runAdminChecks', () => {
  it('AccessDenied on the user pool reads: admin-access fails per operation with the IAM actions; their checks skip', async () => {
    const { factory, targets } = recording({
      describeUserPoolClient: () => Promise.reject(denied('cognito-idp:DescribeUserPoolClient')),
      describeUserPool: () => Promise.reject(denied('cognito-idp:DescribeUserPool')),
    });
    const out = await runAdminChecks({ profile: profile(AWS_ISSUER) }, factory);
    expect(targets).toEqual([{ region: 'eu-west-1', userPoolId: 'eu-west-1_Abc' }]);
    expect(out.filter((f) => f.id === 'admin-access').map((f) => [f.status, f.subject, f.message])).toEqual([
      ['fail', 'DescribeUserPoolClient', `could not read: AccessDeniedException: ${denied('cognito-idp:DescribeUserPoolClient').message}`],
      ['fail', 'DescribeUserPool', `could not read: AccessDeniedException: ${denied('cognito-idp:DescribeUserPool').message}`],
    ]);
    expect(out.find((f) => f.id === 'admin-access')?.fix).toMatch(/cognito-idp:DescribeUserPoolClient, cognito-idp:DescribeUserPool, cognito-identity:DescribeIdentityPool, cognito-identity:GetIdentityPoolRoles: AWS_PROFILE=/);
    expect(out.filter((f) => f.id !== 'admin-access').map((f) => `${f.id}:${f.status}`)).toEqual(
      ADMIN_CHECKS.slice(1).map((id) => `${id}:skip`),
    );
  });

  it.each([
    ['a Cognito pool id behind a non-loopback host', 'https://auth.example.com/eu-west-1_Abc', /neither AWS nor a local pool on loopback/],
    ['another OIDC issuer', 'https://accounts.example.com', /not a Cognito issuer/],
  ])('%s: every admin check skips and no request is signed', async (_label, issuer, why) => {
    const { factory, targets } = recording({});
    const out = await runAdminChecks({ profile: profile(issuer) }, factory);
    expect(targets).toEqual([]);
    expect(out.map((f) => f.status)).toEqual(ADMIN_CHECKS.map(() => 'skip'));
    expect(out[0]!.message).toMatch(why);
  });

  it('an identity endpoint that is not on loopback gets no signed request; the identity checks skip', async () => {
    const { factory, targets } = recording({});
    const out = await runAdminChecks({ profile: profile(AWS_ISSUER, { identityPool: { id: 'eu-west-1:0000-aaaa', endpoint: 'https://proxy.example.com' } }) }, factory);
    expect(targets[0]?.identityPool).toBeUndefined();
    expect(out.filter((f) => f.id === 'identity-pool-provider' || f.id === 'role-mapping').map((f) => f.status)).toEqual(['skip', 'skip']);
  });
});

describe('clientSettings (the SDK answer reduced)', () => {
  it('keeps only whether there is a secret; validities in seconds after TokenValidityUnits, Cognito defaults when absent', () => {
    const s = clientSettings({ ClientId: 'c', ClientSecret: 'the-secret-value', AccessTokenValidity: 5, TokenValidityUnits: { AccessToken: 'minutes' }, RefreshTokenValidity: 10 }, 'c');
    expect(JSON.stringify(s)).not.toContain('the-secret-value');
    expect(s).toMatchObject({ hasSecret: true, accessTokenSeconds: 300, idTokenSeconds: 3600, refreshTokenSeconds: 864_000, tokenRevocation: false, rotation: { enabled: false, gracePeriodSeconds: 0 } });
  });
});
