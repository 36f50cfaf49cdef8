import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/index.js';
import type { EmulatorConfigInput } from '../../../emulator/config-schema.js';
import { configWith } from '../emulator/support.js';
import { startOidcProvider, DEFAULT_CLIENT_ID, type StartedOidcProvider } from '../../support/oidc-provider.js';
import { runCli, tempHome } from '../../support/test-api/cli.js';
import { CLIENT, POOL, emulators, failed, runDoctor, statuses, type DoctorRun, type Report } from './doctor-support.js';
import { freePort } from '../../support/session-fixtures.js';

/**
 * `doctor --json` through the built CLI against emulator configs that get one check wrong each,
 * the seeded demo (nothing fails), and oidc-provider (Cognito-only checks skip). Signed-in cases
 * write alice's session into the real keychain (with-keyring.sh).
 */
const emulatorWith = emulators();

/** doctor on a fresh profile for `e`; signedIn writes alice's session first (and then nothing may be said on stderr). */
async function doctor(e: Emulator, opts: Parameters<typeof runDoctor>[1] = {}): Promise<DoctorRun> {
  const r = await runDoctor(e, opts);
  if (opts.signedIn && r.stderr) throw new Error(`doctor said on stderr: ${r.stderr}`); // e.g. no keychain: the session would be missing
  return r;
}

describe('doctor against the seeded demo pool', () => {
  it('signed in, naming Google: nothing fails (exit 0); every check id reported; rotation off is a warning', async () => {
    const e = await emulatorWith();
    const { code, report } = await doctor(e, { signedIn: true, args: ['--identity-provider', 'Google'] });
    expect(failed(report)).toEqual([]);
    expect(code).toBe(0);
    expect(new Set(report.checks.map((c) => c.id))).toEqual(new Set(['discovery', 'hosted-ui', 'client-id', 'redirect-uri', 'scope', 'code-grant', 'identity-provider', 'client-secret', 'identity-pool', 'guest-access', 'session']));
    expect(statuses(report, 'redirect-uri')).toEqual(['http://localhost:53682/callback: pass', 'http://localhost:53683/callback: pass']);
    expect(statuses(report, 'scope')).toEqual(['openid: pass', 'email: pass', 'profile: pass']);
    expect(statuses(report, 'identity-provider')).toEqual(['Google: pass']);
    expect(statuses(report, 'session')).toEqual(['refresh: pass', 'rotation: warn', 'lifetimes: pass']);
    expect(report.checks.find((c) => c.id === 'identity-pool')).toMatchObject({ status: 'pass', message: expect.stringMatching(/ID token is accepted; credentials for arn:aws:sts::123456789012:assumed-role\/LocalDemoAdmin\//) });
    expect(report.checks.find((c) => c.subject === 'lifetimes')?.message).toBe('ID token 1 h, access token 1 h');
    for (const c of report.checks) expect(Object.keys(c).sort()).toEqual(['fix', 'id', 'message', 'status', 'subject']);
  }, 60_000);

  it('text output: one line per finding, the fix under each failure', async () => {
    const e = await emulatorWith();
    const home = await tempHome();
    const env = { COGNITO_INSPECTOR_HOME: home };
    await runCli(['profiles', 'add', 'txt', '--issuer', e.issuer, '--client-id', CLIENT, '--redirect-uri', 'http://localhost:5999/cb'], env);
    const r = await runCli(['doctor', '--profile', 'txt'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}FAIL {2}redirect-uri +http:\/\/localhost:5999\/cb: not registered: Cognito shows its error page \(redirect_mismatch\)\n +fix: add http:\/\/localhost:5999\/cb to Allowed callback URLs/m);
    expect(r.stdout).toMatch(/^ {2}pass {2}discovery /m);
    expect(r.stdout).toMatch(/^1 failed, \d+ warnings, \d+ passed, \d+ skipped$/m);
  }, 30_000);
});

describe('doctor against pools that get one thing wrong', () => {
  it.each([
    ['an unregistered callback (trailing slash)', configWith({ callbackUrls: ['http://localhost:53682/callback/', 'http://localhost:53683/callback'] }), {}, 'redirect-uri', 'http://localhost:53682/callback', /not registered.*redirect_mismatch/],
    ['a disallowed scope', configWith({ allowedScopes: ['openid', 'email'] }), {}, 'scope', 'profile', /not allowed for this client.*invalid_scope/],
    ['Google not enabled on the client', configWith({ identityProviders: ['COGNITO'] }), { args: ['--identity-provider', 'Google'] }, 'identity-provider', 'Google', /not usable by this client: error=invalid_request error_description=unauthorized_client/],
    ['the code grant not allowed', configWith({ allowedFlows: ['implicit'] }), {}, 'code-grant', 'authorization_code', /may not use the code grant/],
    ['an unregistered http://127.0.0.1 callback', configWith(), { args: ['--redirect-uri', 'http://127.0.0.1:53999/callback'] }, 'redirect-uri', 'http://127.0.0.1:53999/callback', /not registered.*plain http only for localhost/],
    ['a secret the profile lacks', configWith({ secret: 'doctor-secret-value' }), {}, 'client-secret', CLIENT, /needs a secret .* has none/],
    ['an unknown client id', { ...configWith(), userPool: { ...configWith().userPool, clients: [{ ...configWith().userPool.clients[0]!, clientId: 'someotherclient' }] } }, {}, 'client-id', CLIENT, /refuses the client id/],
  ] as const)('%s: that check fails (exit 1), with a fix', async (_label, config, opts, id, subject, message) => {
    const e = await emulatorWith(config as EmulatorConfigInput);
    const { code, report } = await doctor(e, opts);
    expect(code).toBe(1);
    const bad = failed(report);
    expect(bad.map((c) => `${c.id} ${c.subject}`)).toEqual([`${id} ${subject}`]);
    expect(bad[0]!.message).toMatch(message);
    expect(bad[0]!.fix).not.toBe('');
  }, 30_000);

  it('guests off fails only for a profile that asks for guest credentials', async () => {
    const config = configWith();
    config.identityPools = [{ ...config.identityPools![0]!, allowUnauthenticated: false }];
    const e = await emulatorWith(config);
    const home = await tempHome();
    const env = { COGNITO_INSPECTOR_HOME: home };
    await runCli(['profiles', 'add', 'g', '--issuer', e.issuer, '--client-id', CLIENT, '--identity-pool-id', POOL, '--identity-endpoint', e.url], env);
    const info = JSON.parse((await runCli(['doctor', '--profile', 'g', '--json'], env)).stdout) as Report;
    expect(statuses(info, 'guest-access')).toEqual([`${POOL}: skip`]);
    // The profile asks for guest credentials (identityPool.mode, which `profiles` has no flag for).
    const file = join(home, 'profiles.json');
    const saved = JSON.parse(await readFile(file, 'utf8')) as { profiles: Record<string, { identityPool: { mode: string } }> };
    saved.profiles.g!.identityPool.mode = 'guest';
    await writeFile(file, JSON.stringify(saved));
    const r = await runCli(['doctor', '--profile', 'g', '--json'], env);
    const report = JSON.parse(r.stdout) as Report;
    expect(statuses(report, 'guest-access')).toEqual([`${POOL}: fail`]);
    expect(report.checks.find((c) => c.id === 'guest-access')?.message).toMatch(/Unauthenticated access is not supported/);
    expect(r.code).toBe(1);
  }, 30_000);

  it('a client missing from the identity pool: the signed-in ID token is refused', async () => {
    const config = configWith();
    config.identityPools = [{ ...config.identityPools![0]!, providers: [] }];
    const e = await emulatorWith(config);
    const { code, report } = await doctor(e, { signedIn: true });
    expect(failed(report).map((c) => c.id)).toEqual(['identity-pool']);
    expect(failed(report)[0]!.fix).toMatch(/authentication provider/);
    expect(code).toBe(1);
  }, 60_000);

  it('an identity endpoint nobody answers: identity-pool fails with the network error, never passes', async () => {
    const e = await emulatorWith(configWith());
    const home = await tempHome();
    const env = { COGNITO_INSPECTOR_HOME: home };
    // A port that was free a moment ago: nothing listens, so the connection is refused.
    await runCli(['profiles', 'add', 'n', '--issuer', e.issuer, '--client-id', CLIENT, '--identity-pool-id', POOL, '--identity-endpoint', `http://127.0.0.1:${await freePort()}/`], env);
    const r = await runCli(['doctor', '--profile', 'n', '--json'], env);
    const report = JSON.parse(r.stdout) as Report;
    expect(statuses(report, 'identity-pool')).toEqual([`${POOL}: fail`]);
    expect(report.checks.find((c) => c.id === 'identity-pool')?.message).toMatch(/NETWORK_UNREACHABLE/);
    expect(r.code).toBe(1);
  }, 30_000);

  it('a local-pool issuer without --identity-endpoint asks the local pool (not AWS) for the identity pool', async () => {
    const e = await emulatorWith(configWith());
    const home = await tempHome();
    const env = { COGNITO_INSPECTOR_HOME: home };
    await runCli(['profiles', 'add', 'l', '--issuer', e.issuer, '--client-id', CLIENT, '--identity-pool-id', POOL], env);
    const report = JSON.parse((await runCli(['doctor', '--profile', 'l', '--json'], env)).stdout) as Report;
    expect(statuses(report, 'identity-pool')).toEqual([`${POOL}: pass`]);
  }, 30_000);

  it('rotation on: the refresh returns a new refresh token (pass)', async () => {
    const e = await emulatorWith(configWith({ refreshTokenRotation: { enabled: true, gracePeriodSeconds: 10 } }));
    const { report } = await doctor(e, { signedIn: true });
    expect(statuses(report, 'session')).toEqual(['refresh: pass', 'rotation: pass', 'lifetimes: pass']);
  }, 60_000);
});

describe('doctor against oidc-provider (not Cognito)', () => {
  let op: StartedOidcProvider;
  beforeAll(async () => {
    op = await startOidcProvider();
  });
  afterAll(async () => op?.stop());

  it('discovery passes; the Cognito-only checks skip, none fails (exit 0)', async () => {
    const home = await tempHome();
    const env = { COGNITO_INSPECTOR_HOME: home };
    await runCli(['profiles', 'add', 'op', '--issuer', op.issuer, '--client-id', DEFAULT_CLIENT_ID], env);
    const r = await runCli(['doctor', '--profile', 'op', '--json'], env);
    const report = JSON.parse(r.stdout) as Report;
    expect(r.code).toBe(0);
    expect(report.checks.map((c) => `${c.id}: ${c.status}`)).toEqual([
      'discovery: pass', 'hosted-ui: skip', 'client-id: skip', 'redirect-uri: skip', 'code-grant: skip', 'scope: skip', 'identity-provider: skip', 'client-secret: skip',
      'identity-pool: skip', 'guest-access: skip', 'session: skip',
    ]);
  }, 30_000);
});
