import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/index.js';
import type { EmulatorConfigInput } from '../../../emulator/config-schema.js';
import { configWith } from '../emulator/support.js';
import { startOidcProvider, DEFAULT_CLIENT_ID, type StartedOidcProvider } from '../../support/oidc-provider.js';
import { runCli, tempHome } from '../../support/test-api/cli.js';
import { CLIENT, POOL, emulators, runDoctor, type DoctorRun, type Report } from './doctor-support.js';

/**
 * `doctor --admin --json` through the built CLI: the settings read back by the real AWS SDK v3
 * clients (credentials from the environment, the standard chain) from a started emulator, whose
 * configs get one admin check wrong each. Signed-in cases need the real keychain (with-keyring.sh).
 */
const SIGN_OUT = 'http://localhost:53682/signed-out';
const ADMIN_IDS = ['admin-access', 'hosted-ui-domain', 'callback-urls', 'sign-out-urls', 'oauth-flows', 'oauth-scopes', 'identity-providers', 'token-validity', 'token-revocation', 'refresh-rotation', 'identity-pool-provider', 'role-mapping'];
/** Any key will do for the emulator; the SDK signs with it. */
const AWS_ENV = { AWS_ACCESS_KEY_ID: 'AKIADOCTORADMINTEST0', AWS_SECRET_ACCESS_KEY: 'doctor-admin-test-secret', AWS_SESSION_TOKEN: '', AWS_PROFILE: '' };
/** Nothing the standard chain could find: no env keys, no files, no instance metadata. */
const NO_AWS_ENV = {
  AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '', AWS_PROFILE: '',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/cognito-inspector/credentials', AWS_CONFIG_FILE: '/nonexistent/cognito-inspector/config',
  AWS_EC2_METADATA_DISABLED: 'true', AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '', AWS_CONTAINER_CREDENTIALS_FULL_URI: '', AWS_WEB_IDENTITY_TOKEN_FILE: '',
};

const emulatorWith = emulators();

/** doctor --admin (with the sign-out URL) on a fresh profile; AWS keys the emulator accepts unless `env` says otherwise. */
async function doctorAdmin(e: Emulator, opts: { args?: readonly string[]; signedIn?: boolean; env?: Record<string, string> } = {}): Promise<DoctorRun> {
  return runDoctor(e, { ...opts, env: opts.env ?? AWS_ENV, args: ['--admin', '--logout-uri', SIGN_OUT, ...(opts.args ?? [])] });
}

const admin = (r: Report) => r.checks.filter((c) => ADMIN_IDS.includes(c.id));
const failed = (r: Report) => r.checks.filter((c) => c.status === 'fail');

describe('doctor --admin against the seeded demo pool', () => {
  it('signed in, naming Google: nothing fails (exit 0); every admin check reported with a stable id; only rotation off warns', async () => {
    const e = await emulatorWith();
    const { code, report } = await doctorAdmin(e, { signedIn: true, args: ['--identity-provider', 'Google'] });
    expect(failed(report)).toEqual([]);
    expect(code).toBe(0);
    expect([...new Set(admin(report).map((c) => c.id))]).toEqual(ADMIN_IDS);
    expect(admin(report).map((c) => `${c.id} ${c.subject}: ${c.status}`)).toEqual([
      'admin-access AWS credentials: pass',
      'hosted-ui-domain us-east-1_LocalDemo: pass',
      'callback-urls http://localhost:53682/callback: pass',
      'callback-urls http://localhost:53683/callback: pass',
      `sign-out-urls ${SIGN_OUT}: pass`,
      'oauth-flows authorization code grant: pass',
      'oauth-scopes openid: pass', 'oauth-scopes email: pass', 'oauth-scopes profile: pass',
      'identity-providers Google: pass',
      'token-validity access token: pass', 'token-validity ID token: pass', 'token-validity refresh token: pass',
      `token-revocation ${CLIENT}: pass`,
      `refresh-rotation ${CLIENT}: warn`,
      `identity-pool-provider ${POOL}: pass`,
      `role-mapping cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalDemo:${CLIENT}: pass`,
    ]);
    const byId = (id: string, subject?: string) => report.checks.find((c) => c.id === id && (subject === undefined || c.subject === subject));
    expect(byId('admin-access')?.message).toBe('read DescribeUserPoolClient, DescribeUserPool, DescribeIdentityPool and GetIdentityPoolRoles');
    expect(byId('token-validity', 'refresh token')?.message).toMatch(/^30 days: the user has to sign in again 30 days after signing in/);
    expect(byId('refresh-rotation')?.fix).toMatch(/aws cognito-idp update-user-pool-client --user-pool-id us-east-1_LocalDemo --client-id localdemoclient0000000000 --refresh-token-rotation Feature=ENABLED/);
    // alice is in admins (precedence 1) and developers: the Token mapping picks her preferred role.
    expect(byId('role-mapping')?.message).toMatch(/For the signed-in user: arn:aws:iam::123456789012:role\/LocalDemoAdmin, from the token's cognito:preferred_role/);
    for (const c of report.checks) expect(Object.keys(c).sort()).toEqual(['fix', 'id', 'message', 'status', 'subject']);
  }, 60_000);

  it('without --admin no admin check is reported', async () => {
    const e = await emulatorWith();
    const home = await tempHome();
    await runCli(['profiles', 'add', 'plain', '--issuer', e.issuer, '--client-id', CLIENT], { COGNITO_INSPECTOR_HOME: home });
    const r = await runCli(['doctor', '--profile', 'plain', '--json'], { COGNITO_INSPECTOR_HOME: home, ...AWS_ENV });
    expect(admin(JSON.parse(r.stdout) as Report)).toEqual([]);
  }, 30_000);
});

type Case = readonly [string, EmulatorConfigInput, { args?: readonly string[]; signedIn?: boolean }, string, string, RegExp, RegExp];
const withPool = (edit: (p: NonNullable<EmulatorConfigInput['identityPools']>[number]) => void): EmulatorConfigInput => {
  const config = configWith();
  const pool = structuredClone(config.identityPools![0]!);
  edit(pool);
  config.identityPools = [pool];
  return config;
};

describe('doctor --admin against pools that get one setting wrong', () => {
  it.each<Case>([
    ['a callback registered on another loopback port', configWith({ callbackUrls: ['http://localhost:53690/callback', 'http://localhost:53683/callback'] }), {}, 'callback-urls', 'http://localhost:53682/callback',
      /not registered \(http:\/\/localhost:53690\/callback is registered with port 53690: a loopback port must match exactly/, /--callback-urls http:\/\/localhost:53690\/callback http:\/\/localhost:53683\/callback http:\/\/localhost:53682\/callback/],
    ['a callback registered with a trailing slash', configWith({ callbackUrls: ['http://localhost:53682/callback/', 'http://localhost:53683/callback'] }), {}, 'callback-urls', 'http://localhost:53682/callback', /not registered \(http:\/\/localhost:53682\/callback\/ is registered: the trailing slash must match too\)/, /Allowed callback URLs/],
    ['no sign-out URL', configWith({ logoutUrls: [] }), {}, 'sign-out-urls', SIGN_OUT, /not an allowed sign-out URL; the client has none/, /--logout-urls http:\/\/localhost:53682\/signed-out/],
    ['the code flow off', configWith({ allowedFlows: ['implicit'] }), {}, 'oauth-flows', 'authorization code grant', /the code grant is not allowed \(allowed: implicit\)/, /--allowed-o-auth-flows implicit code --allowed-o-auth-flows-user-pool-client/],
    ['a disallowed scope', configWith({ allowedScopes: ['openid', 'email'] }), {}, 'oauth-scopes', 'profile', /not allowed for this client \(allowed: openid email\)/, /--allowed-o-auth-scopes openid email profile/],
    ['Google not enabled', configWith({ identityProviders: ['COGNITO'] }), { args: ['--identity-provider', 'Google'] }, 'identity-providers', 'Google', /not enabled on the client \(enabled: COGNITO\)/, /--supported-identity-providers COGNITO Google/],
    ['token revocation off', configWith({ enableTokenRevocation: false }), {}, 'token-revocation', CLIENT, /^off: \/oauth2\/revoke answers invalid_request/, /--enable-token-revocation/],
    ['a refresh token no longer than the access token', configWith({ refreshTokenValiditySeconds: 3600 }), {}, 'token-validity', 'refresh token', /^1 h: not longer than the access\/ID tokens/, /--refresh-token-validity/],
    ['the client missing from the identity pool', withPool((p) => void (p.providers = [{ userPoolId: 'us-east-1_LocalDemo', clientId: 'someotherclient' }])), {}, 'identity-pool-provider', POOL,
      /trusts cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_LocalDemo only for app client someotherclient, not localdemoclient0000000000/, /aws cognito-identity update-identity-pool --identity-pool-id .* --cognito-identity-providers .*ClientId=localdemoclient0000000000/],
    ['no provider at all in the identity pool', withPool((p) => void (p.providers = [])), {}, 'identity-pool-provider', POOL, /cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_LocalDemo is not an authentication provider of the pool: the ID token is refused/, /--cognito-identity-providers ProviderName=cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_LocalDemo,ClientId=localdemoclient0000000000,ServerSideTokenCheck=true/],
    ['Deny for a user no rule matches', withPool((p) => void (p.providers![0]!.roleMapping = { type: 'Rules', ambiguousRoleResolution: 'Deny', rules: [{ claim: 'custom:team', matchType: 'Equals', value: 'finance', roleArn: 'arn:aws:iam::123456789012:role/Finance' }] })), { signedIn: true },
      'role-mapping', `cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalDemo:${CLIENT}`,
      /Rules, first match wins: 1\. custom:team Equals "finance" → .*For the signed-in user none of the 1 rule matches the token's claims, so ambiguous-role resolution applies: Deny: that user gets NO credentials/, /set-identity-pool-roles .*"AmbiguousRoleResolution":"AuthenticatedRole"/],
  ])('%s: that admin check fails (exit 1), with the console setting and the aws command', async (_label, config, opts, id, subject, message, command) => {
    const e = await emulatorWith(config);
    const { code, report } = await doctorAdmin(e, opts);
    expect(code).toBe(1);
    const bad = admin(report).filter((c) => c.status === 'fail');
    expect(bad.map((c) => `${c.id} ${c.subject}`)).toEqual([`${id} ${subject}`]);
    expect(bad[0]!.message).toMatch(message);
    expect(bad[0]!.fix).toMatch(/Cognito console → /);
    expect(bad[0]!.fix).toMatch(command);
  }, 60_000);

  it('a registered plain-http 127.0.0.1 callback: warn (Cognito allows http only for localhost), with the localhost alternative', async () => {
    const e = await emulatorWith();
    const { report } = await doctorAdmin(e, { args: ['--redirect-uri', 'http://127.0.0.1:53682/callback'] });
    const c = report.checks.find((x) => x.id === 'callback-urls');
    expect(c).toMatchObject({ status: 'warn', subject: 'http://127.0.0.1:53682/callback', message: expect.stringMatching(/plain http only for http:\/\/localhost/) });
    expect(c?.fix).toMatch(/Allowed callback URLs \(Cognito console → .*--callback-urls .*http:\/\/localhost:53682\/callback.*profiles edit .* --redirect-uri http:\/\/localhost:53682\/callback$/);
  }, 30_000);

  it('rotation on with a grace period: pass, saying how long the old token lasts', async () => {
    const e = await emulatorWith(configWith({ refreshTokenRotation: { enabled: true, gracePeriodSeconds: 10 } }));
    const { report } = await doctorAdmin(e);
    expect(report.checks.find((c) => c.id === 'refresh-rotation')).toMatchObject({ status: 'pass', message: expect.stringMatching(/keeps working for 10 s/) });
  }, 30_000);
});

describe('doctor --admin without what it needs', () => {
  it('no AWS credentials: one admin-access failure naming the IAM actions, the admin checks skip, exit 1', async () => {
    const e = await emulatorWith();
    const { code, report } = await doctorAdmin(e, { env: NO_AWS_ENV });
    expect(code).toBe(1);
    expect(failed(report).map((c) => c.id)).toEqual(['admin-access']);
    const access = failed(report)[0]!;
    expect(access.message).toMatch(/no AWS credentials found/);
    for (const action of ['cognito-idp:DescribeUserPoolClient', 'cognito-idp:DescribeUserPool', 'cognito-identity:DescribeIdentityPool', 'cognito-identity:GetIdentityPoolRoles', 'AWS_PROFILE']) expect(access.fix).toContain(action);
    expect(admin(report).filter((c) => c.id !== 'admin-access').map((c) => c.status)).toEqual(Array(ADMIN_IDS.length - 1).fill('skip'));
  }, 30_000);

  it('an app client the pool does not have: admin-access names the read and Cognito\'s answer; the client checks skip', async () => {
    const e = await emulatorWith({ ...configWith(), userPool: { ...configWith().userPool, clients: [{ ...configWith().userPool.clients[0]!, clientId: 'someotherclient' }] } });
    const { code, report } = await doctorAdmin(e);
    expect(code).toBe(1);
    expect(admin(report).filter((c) => c.status === 'fail').map((c) => `${c.id} ${c.subject}: ${c.message}`)).toEqual([
      `admin-access DescribeUserPoolClient: not found: ResourceNotFoundException: User pool client ${CLIENT} does not exist.`,
    ]);
    expect(report.checks.filter((c) => ['callback-urls', 'oauth-flows', 'token-revocation'].includes(c.id)).map((c) => c.status)).toEqual(['skip', 'skip', 'skip']);
    expect(report.checks.find((c) => c.id === 'hosted-ui-domain')?.status).toBe('pass');
  }, 30_000);

  it('--trace=full of a confidential client: the secret DescribeUserPoolClient returns is never printed', async () => {
    const secret = 'doctor-admin-secret-value-5f2c';
    const e = await emulatorWith(configWith({ secret }));
    const { stdout, stderr, report } = await doctorAdmin(e, { args: ['--trace=full'] });
    expect(stderr).toMatch(/AWSCognitoIdentityProviderService\.DescribeUserPoolClient|POST http:\/\/127\.0\.0\.1:\d+\/ 200/);
    expect(report.checks.find((c) => c.id === 'admin-access')?.status).toBe('pass');
    expect(stdout + stderr).not.toContain(secret);
  }, 30_000);
});

describe('doctor --admin against oidc-provider (not Cognito)', () => {
  let op: StartedOidcProvider;
  beforeAll(async () => {
    op = await startOidcProvider();
  });
  afterAll(async () => op?.stop());

  it('the admin checks skip, nothing fails (exit 0), no AWS request is made', async () => {
    const home = await tempHome();
    const env = { COGNITO_INSPECTOR_HOME: home, ...NO_AWS_ENV };
    await runCli(['profiles', 'add', 'op', '--issuer', op.issuer, '--client-id', DEFAULT_CLIENT_ID], env);
    const r = await runCli(['doctor', '--profile', 'op', '--admin', '--json'], env);
    const report = JSON.parse(r.stdout) as Report;
    expect(r.code).toBe(0);
    expect(admin(report).map((c) => `${c.id}: ${c.status}`)).toEqual(ADMIN_IDS.map((id) => `${id}: skip`));
    expect(admin(report)[0]!.message).toMatch(/not a Cognito issuer/);
  }, 30_000);
});
