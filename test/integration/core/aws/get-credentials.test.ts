import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, startEmulator, type Emulator, type EmulatorConfigInput } from '../../../../emulator/index.js';
import type { AppError } from '../../../../main/core/errors/app-error.js';
import { getAwsCredentials } from '../../../../main/core/aws/get-credentials.js';
import { identityIdKey } from '../../../../main/core/aws/identity-id-cache.js';
import { identityTarget, type TargetOverrides } from '../../../../main/core/aws/target.js';
import { whoami } from '../../../../main/core/aws/whoami.js';
import { jumpableClock } from '../../../support/session-fixtures.js';
import { POOL, role, signedIn, type TestSession } from './session-support.js';

// Every flow through the real AWS SDK clients against the emulator's identity pool and STS.
const ALICE_SUB = '1b3b6f4e-8a2c-4d5e-9f10-a1b2c3d4e5f6';
const assumed = (name: string, session = 'CognitoIdentityCredentials') => `arn:aws:sts::123456789012:assumed-role/${name}/${session}`;
const ALICE_ROLES = [role('LocalDemoAdmin'), role('LocalDemoDeveloper')];

let e: Emulator;
beforeAll(async () => {
  e = await startEmulator();
});
afterAll(() => e.stop());

const target = (s: TestSession, overrides: TargetOverrides = {}) => identityTarget(s.profile, overrides);
const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (err: unknown) => err as AppError);
const shape = (err: AppError) => ({ code: err.code, message: err.message, hint: err.hint });

describe('getAwsCredentials against the local identity pool', () => {
  it('enhanced flow: GetId + GetCredentialsForIdentity with the ID token gives the preferred role; the IdentityId is cached', async () => {
    const s = await signedIn(e);
    const t = target(s);
    const before = Date.now();
    const { credentials, cached } = await getAwsCredentials(t, s.deps);
    expect(cached).toBe(false);
    expect(credentials).toEqual({
      accessKeyId: expect.stringMatching(/^ASIA[A-Z0-9]{16}$/),
      secretAccessKey: expect.any(String),
      sessionToken: expect.any(String),
      expiration: expect.any(Number),
      identityId: expect.stringMatching(/^us-east-1:[0-9a-f-]{36}$/),
      roleArn: role('LocalDemoAdmin'),
    });
    expect(Math.abs((credentials.expiration ?? 0) - (before + 3600_000))).toBeLessThan(5_000);
    expect(await s.identityIds.get(identityIdKey('aws-test', POOL, ALICE_SUB))).toBe(credentials.identityId);
    expect((await s.vault.read('aws-test'))?.awsCredentials).toEqual(credentials);
    expect(await whoami(t, credentials)).toEqual({ account: '123456789012', arn: assumed('LocalDemoAdmin'), userId: expect.stringMatching(/^AROA[A-Z0-9]{17}:CognitoIdentityCredentials$/) });
  });

  it('a cache hit makes no request, and a different role or --no-cache does', async () => {
    const s = await signedIn(e);
    const first = await getAwsCredentials(target(s), s.deps);
    const seen = e.requestLog.length;
    expect(await getAwsCredentials(target(s), s.deps)).toEqual({ credentials: first.credentials, cached: true });
    expect(e.requestLog.length).toBe(seen);

    const other = await getAwsCredentials(target(s, { roleArn: role('LocalDemoDeveloper') }), s.deps);
    expect(other.cached).toBe(false);
    expect(e.requestLog.length).toBeGreaterThan(seen);
    const fresh = await getAwsCredentials(target(s, { roleArn: role('LocalDemoDeveloper') }), s.deps, { noCache: true });
    expect(fresh.cached).toBe(false);
    expect(fresh.credentials.accessKeyId).not.toBe(other.credentials.accessKeyId);
  });

  it('a chosen role in cognito:roles is sent as CustomRoleArn and granted', async () => {
    const s = await signedIn(e);
    const t = target(s, { roleArn: role('LocalDemoDeveloper') });
    const { credentials } = await getAwsCredentials(t, s.deps);
    expect(credentials.roleArn).toBe(role('LocalDemoDeveloper'));
    expect((await whoami(t, credentials)).arn).toBe(assumed('LocalDemoDeveloper'));
  });

  it('a role outside cognito:roles is ROLE_NOT_ALLOWED, and the hint lists the allowed roles', async () => {
    const s = await signedIn(e);
    const err = await fail(getAwsCredentials(target(s, { roleArn: role('LocalDemoGuest') }), s.deps));
    expect(shape(err)).toEqual({
      code: 'ROLE_NOT_ALLOWED',
      message: `The role ${role('LocalDemoGuest')} was refused: CustomRoleArn isn't one of the roles this identity may assume (cognito:roles or the role mapping).`,
      hint: `Pick one of the allowed roles (cognito:roles): ${ALICE_ROLES.join(', ')}; or drop --role-arn to get the preferred role. Its trust policy must also allow this identity pool.`,
    });
  });

  it('basic flow: GetOpenIdToken + AssumeRoleWithWebIdentity with the preferred role and the asked duration', async () => {
    const s = await signedIn(e, { mode: 'basic', durationSeconds: 900 });
    const t = target(s);
    const before = Date.now();
    const { credentials } = await getAwsCredentials(t, s.deps);
    expect(credentials.roleArn).toBe(role('LocalDemoAdmin'));
    expect(Math.abs((credentials.expiration ?? 0) - (before + 900_000))).toBeLessThan(5_000);
    expect((await whoami(t, credentials)).arn).toBe(assumed('LocalDemoAdmin', 'cognito-inspector-aws-test'));
    const chosen = await getAwsCredentials(target(s, { roleArn: role('LocalDemoDeveloper') }), s.deps);
    expect((await whoami(t, chosen.credentials)).arn).toBe(assumed('LocalDemoDeveloper', 'cognito-inspector-aws-test'));
  });

  it('guest: no Logins, the unauthenticated role, no sign-in needed', async () => {
    const s = await signedIn(e, { mode: 'guest' });
    const t = target(s);
    const { credentials } = await getAwsCredentials(t, { ...s.deps, tokens: () => Promise.reject(new Error('a guest must not ask for tokens')) });
    expect(credentials.roleArn).toBeUndefined();
    expect((await whoami(t, credentials)).arn).toBe(assumed('LocalDemoGuest'));
    expect(await s.identityIds.get(identityIdKey('aws-test', POOL, undefined))).toBe(credentials.identityId);
  });

  it('a cached IdentityId the pool does not know is dropped and GetId asked again once', async () => {
    const s = await signedIn(e);
    const key = identityIdKey('aws-test', POOL, ALICE_SUB);
    await s.identityIds.set(key, 'us-east-1:deadbeef-0000-4000-8000-000000000000');
    const { credentials } = await getAwsCredentials(target(s), s.deps);
    expect(credentials.identityId).not.toBe('us-east-1:deadbeef-0000-4000-8000-000000000000');
    expect(await s.identityIds.get(key)).toBe(credentials.identityId);
  });
});

describe('errors with hints', () => {
  const pool = (id: string, extra: object) => ({ id, name: id, allowClassicFlow: true, providers: [{ userPoolId: 'us-east-1_LocalDemo', clientId: 'localdemoclient0000000000' }], ...extra });
  const pools = {
    noGuest: 'us-east-1:00000000-0000-4000-8000-00000000000b',
    otherProvider: 'us-east-1:00000000-0000-4000-8000-00000000000c',
    noRoles: 'us-east-1:00000000-0000-4000-8000-00000000000d',
    noClassic: 'us-east-1:00000000-0000-4000-8000-00000000000e',
  };
  const config: EmulatorConfigInput = {
    ...structuredClone(DEFAULT_CONFIG),
    identityPools: [
      ...(DEFAULT_CONFIG.identityPools ?? []),
      pool(pools.noGuest, { allowUnauthenticated: false, authenticatedRoleArn: role('A'), unauthenticatedRoleArn: role('G') }),
      pool(pools.otherProvider, { authenticatedRoleArn: role('A'), providers: [{ userPoolId: 'us-east-1_Other', clientId: 'otherclient' }] }),
      pool(pools.noRoles, { allowUnauthenticated: true }),
      pool(pools.noClassic, { allowClassicFlow: false, authenticatedRoleArn: role('A') }),
    ],
  };
  let x: Emulator;
  beforeAll(async () => {
    x = await startEmulator({ config });
  });
  afterAll(() => x.stop());

  const attempt = async (poolSettings: object, overrides: TargetOverrides = {}) => {
    const s = await signedIn(x, poolSettings);
    return shape(await fail(getAwsCredentials(identityTarget(s.profile, overrides), s.deps)));
  };

  it.each([
    ['guest access off', { id: pools.noGuest, mode: 'guest' }, {
      code: 'GUEST_NOT_ALLOWED',
      message: `Unauthenticated access is not supported for this identity pool. (GetId on ${pools.noGuest})`,
      hint: `No Logins were sent (guest). Turn on guest access for ${pools.noGuest} (AllowUnauthenticatedIdentities and an unauthenticated role), or sign in and use --mode enhanced.`,
    }],
    ['the Logins key is not a provider of the pool', { id: pools.otherProvider }, {
      code: 'LOGINS_MISMATCH',
      message: 'Token is not from a supported provider of this identity pool.',
      hint: `The Logins key sent was "cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalDemo". Add this user pool and app client as an authentication provider of ${pools.otherProvider}, or use the profile of the user pool the pool trusts.`,
    }],
    ['the pool has no role for the identity', { id: pools.noRoles }, {
      code: 'IDENTITY_POOL_CONFIG',
      message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
      hint: `Check ${pools.noRoles}: it needs an authenticated role, and each role's trust policy must allow sts:AssumeRoleWithWebIdentity for cognito-identity.amazonaws.com with "cognito-identity.amazonaws.com:aud" = ${pools.noRoles} and "amr" = authenticated.`,
    }],
    ['the basic flow is off', { id: pools.noClassic, mode: 'basic', roleArn: role('A') }, {
      code: 'IDENTITY_POOL_CONFIG',
      message: 'Basic (classic) flow is not enabled, please use enhanced flow.',
      hint: `Turn on the basic (classic) flow of ${pools.noClassic} (AllowClassicFlow), or use --mode enhanced.`,
    }],
    ['no such pool', { id: 'us-east-1:00000000-0000-4000-8000-0000000000ff' }, {
      code: 'IDENTITY_POOL_NOT_FOUND',
      message: "IdentityPool 'us-east-1:00000000-0000-4000-8000-0000000000ff' not found.",
      hint: `Check the identity pool id "us-east-1:00000000-0000-4000-8000-0000000000ff" and its region (us-east-1, taken from the id's prefix) at ${'{url}'}.`,
    }],
  ])('%s', async (_name, settings, expected) => {
    const got = await attempt(settings);
    expect(got).toEqual({ ...expected, hint: expected.hint.replace('{url}', x.url) });
  });

  it('an unreachable endpoint is NETWORK_UNREACHABLE naming the endpoint', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const s = await signedIn(x);
    const t = { ...identityTarget(s.profile), endpoint: `http://127.0.0.1:${port}` };
    expect(shape(await fail(getAwsCredentials(t, s.deps)))).toEqual({
      code: 'NETWORK_UNREACHABLE',
      message: `Could not reach the identity pool endpoint http://127.0.0.1:${port} (ECONNREFUSED).`,
      hint: `Check that http://127.0.0.1:${port} is up (the local pool: cognito-inspector emulator), or drop --identity-endpoint to use AWS.`,
    });
  });
});

describe('an expired ID token', () => {
  // Two hours pass on a clock the emulator and the session share: the 1-hour ID token has expired.
  const clock = jumpableClock();
  let short: Emulator;
  beforeAll(async () => {
    short = await startEmulator({ clock });
  });
  afterAll(() => short.stop());

  it('is refreshed before any identity pool call, so "Token expired" never reaches the user', async () => {
    const s = await signedIn(short, {}, 'aws-test', clock);
    const expiredIdToken = (await s.vault.read('aws-test'))?.idToken;
    clock.jump(2 * 3600_000);
    short.clearLog();
    const { credentials } = await getAwsCredentials(target(s), s.deps);
    expect(credentials.roleArn).toBe(role('LocalDemoAdmin'));
    // Discovery and JWKS GETs aside: the refresh, then GetId and GetCredentialsForIdentity.
    const posts = short.requestLog.filter((r) => r.method === 'POST').map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(posts).toEqual(['POST /oauth2/token 200', 'POST / 200', 'POST / 200']);
    expect((await s.vault.read('aws-test'))?.idToken).not.toBe(expiredIdToken);
  });
});
