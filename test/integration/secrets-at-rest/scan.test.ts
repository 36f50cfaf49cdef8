import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { createDesktopCore } from '../../../main/core/desktop/desktop-core.js';
import { systemClock } from '../../../main/core/ports.js';
import { createProfileStore } from '../../../main/core/profiles/store.js';
import { createSessionVault, type SessionVault } from '../../../main/core/secrets/session-vault.js';
import { createSystemSecretStore } from '../../../main/core/secrets/system-store.js';
import { KEYRING, NO_KEYRING, ROOT, buildCli, emulatorConfig, freePort, runCli, type CliRun } from '../../support/session-fixtures.js';

/**
 * Secrets at rest: after login, status, token, a refresh, AWS credentials, the desktop core's
 * restore (another refresh) and logout, no refresh token, ID or access token, client secret or AWS
 * secret key / session token is in any file under the temp COGNITO_INSPECTOR_HOME, HOME and XDG
 * dirs the CLI and the app were given, in any captured stdout/stderr, or in the app's and the
 * emulator's logs. The keyring's own encrypted store (the with-keyring.sh scratch dir) is not
 * scanned: it is where the secrets belong.
 *
 * Excluded, on purpose: the stdout of `token` (it prints the user's own ID/access token; that is its
 * job) and of `credentials` (it prints the AWS credentials for the caller to use). Their stderr is
 * scanned. The stdout of `token` is also the scan's positive control: the scanner must find it.
 */
if (!KEYRING) console.warn(`secrets-at-rest/scan.test.ts: skipped${NO_KEYRING}`);

const CONF_CLIENT = 'confidentialclient0000000';
const CLIENT_SECRET = `conf-secret-${Math.random().toString(36).slice(2)}-${'s'.repeat(24)}`;
const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
const profile = `atrest-${Math.random().toString(36).slice(2, 10)}`;

let e: Emulator;
let root: string;
let env: NodeJS.ProcessEnv;
let vault: SessionVault;
const emulatorLog: string[] = [];

beforeAll(async () => {
  if (!KEYRING) return;
  const port = await freePort();
  const config = emulatorConfig(port, {}, [{ clientId: CONF_CLIENT, secret: CLIENT_SECRET, allowedFlows: ['code'], identityProviders: ['COGNITO'] }]);
  config.identityPools?.[0]?.providers?.push({ userPoolId: config.userPool.id, clientId: CONF_CLIENT, roleMapping: { type: 'Token', ambiguousRoleResolution: 'AuthenticatedRole' } });
  const [, emulator, dir] = await Promise.all([buildCli(), startEmulator({ config, log: (l) => emulatorLog.push(l) }), mkdtemp(join(tmpdir(), 'cognito-inspector-at-rest-'))]);
  e = emulator;
  root = dir;
  const d = (name: string) => join(root, name);
  await Promise.all(['inspector-home', 'home', 'xdg-config', 'xdg-cache', 'xdg-state', 'xdg-data'].map((n) => mkdir(d(n), { recursive: true })));
  env = {
    ...process.env,
    COGNITO_INSPECTOR_HOME: d('inspector-home'),
    HOME: d('home'),
    XDG_CONFIG_HOME: d('xdg-config'),
    XDG_CACHE_HOME: d('xdg-cache'),
    XDG_STATE_HOME: d('xdg-state'),
    XDG_DATA_HOME: d('xdg-data'), // the running gnome-keyring keeps its own; this is only what the CLI sees
    CONF_SECRET: CLIENT_SECRET,
    NO_COLOR: '1',
  };
  await createProfileStore(d('inspector-home')).add({
    name: profile,
    issuer: e.issuer,
    clientId: CONF_CLIENT,
    hasClientSecret: true,
    redirectUris: [`http://localhost:${port}/callback`],
    identityPool: { id: POOL, endpoint: e.url },
  });
  vault = createSessionVault(createSystemSecretStore());
}, 120_000);

afterAll(async () => {
  if (!KEYRING) return;
  await vault.remove(profile).catch(() => undefined);
  await e?.stop();
  await rm(root, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const ent of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) out.push(...(await filesUnder(p)));
    else if (ent.isFile()) out.push(p);
  }
  return out;
}

/** Each secret, and a 40-character piece of its middle (a truncated or re-wrapped copy is a leak too). */
function needles(secrets: Map<string, string>): Array<{ name: string; value: string }> {
  return [...secrets].flatMap(([value, name]) => {
    const mid = value.length > 60 ? [{ name: `${name} (middle)`, value: value.slice(Math.floor(value.length / 2) - 20, Math.floor(value.length / 2) + 20) }] : [];
    return [{ name, value }, ...mid];
  });
}

describe.skipIf(!KEYRING)('secrets at rest', () => {
  it('no secret in any file, output or log after login, refresh, credentials and logout', async () => {
    const secrets = new Map<string, string>([[CLIENT_SECRET, 'client secret']]);
    const collect = async (step: string) => {
      const entry = await vault.read(profile);
      const add = (v: string | undefined, what: string) => v && !secrets.has(v) && secrets.set(v, `${what} (after ${step})`);
      add(entry?.refreshToken, 'refresh token');
      add(entry?.idToken, 'ID token');
      add(entry?.accessToken, 'access token');
      add(entry?.clientSecret, 'client secret from the keychain');
      add(entry?.awsCredentials?.secretAccessKey, 'AWS secret key');
      add(entry?.awsCredentials?.sessionToken, 'AWS session token');
    };
    const expire = async () => {
      const entry = await vault.read(profile);
      if (!entry) throw new Error('no stored session');
      await vault.write(profile, { ...entry, expiresAt: Date.now() - 1000, issuedAt: Date.now() - 3601_000 });
    };
    const outputs: Array<{ what: string; text: string }> = [];
    const excluded: string[] = [];
    const cli = async (args: string[], opts: { stdoutExpected?: boolean } = {}): Promise<CliRun> => {
      const r = await runCli(args, env);
      outputs.push({ what: `${args[0]} stderr`, text: r.stderr });
      if (opts.stdoutExpected) excluded.push(r.stdout);
      else outputs.push({ what: `${args[0]} stdout`, text: r.stdout });
      return r;
    };

    const login = await cli(['login', '--profile', profile, '--client-secret-env', 'CONF_SECRET', '--browser-command', `node ${ROOT}/test/support/browser-command.mjs`, '--timeout', '45']);
    expect(login.code).toBe(0);
    await collect('login');
    expect((await vault.read(profile))?.clientSecret).toBe(CLIENT_SECRET); // kept in the keychain
    expect((await cli(['status', '--profile', profile])).code).toBe(0);
    expect((await cli(['token', '--profile', profile], { stdoutExpected: true })).code).toBe(0);

    await expire();
    const refreshed = await cli(['token', '--profile', profile, '--type', 'access'], { stdoutExpected: true });
    expect(refreshed.code).toBe(0);
    await collect('CLI refresh');

    const creds = await cli(['credentials', '--profile', profile, '--format', 'json'], { stdoutExpected: true });
    expect(creds.code).toBe(0);
    await collect('credentials');
    const aws = JSON.parse(creds.stdout) as { SecretAccessKey?: string; secretAccessKey?: string };
    expect(typeof (aws.SecretAccessKey ?? aws.secretAccessKey)).toBe('string');
    expect((await cli(['credentials', '--profile', profile, '--format', 'process'], { stdoutExpected: true })).code).toBe(0);

    // The desktop app's core restores the profile from the same home: an expired token, one refresh.
    await expire();
    const appLog: string[] = [];
    const core = await createDesktopCore({ home: env.COGNITO_INSPECTOR_HOME ?? '', browser: { open: async () => undefined }, clock: systemClock, log: (l) => appLog.push(l), onKeychainProblem: (err) => appLog.push(`${err.code}: ${err.message}`) });
    const view = await core.handlers['session:get']({ profile } as never);
    await core.dispose();
    expect(view.state).toBe('signed-in');
    await collect('app restore');
    outputs.push({ what: 'app log', text: appLog.join('\n') });

    expect((await cli(['logout', '--profile', profile])).code).toBe(0);
    expect(await vault.read(profile)).toBeNull();
    expect((await cli(['status', '--profile', profile])).code).toBe(1);
    outputs.push({ what: 'emulator log', text: emulatorLog.join('\n') });

    const kinds = [...secrets.values()].map((v) => v.replace(/ \(after .*\)$/, ''));
    expect(new Set(kinds)).toEqual(new Set(['client secret', 'refresh token', 'ID token', 'access token', 'AWS secret key', 'AWS session token']));
    const search = needles(secrets);
    // Positive control: the excluded `token` stdout holds an ID token the scanner must recognise.
    expect(search.some((n) => excluded.some((t) => t.includes(n.value)))).toBe(true);

    const files = await filesUnder(root);
    const found: string[] = [];
    for (const file of files) {
      const text = (await readFile(file)).toString('latin1');
      for (const n of search) if (text.includes(n.value)) found.push(`${n.name} in ${file.slice(root.length)}`);
    }
    for (const o of outputs) for (const n of search) if (o.text.includes(n.value)) found.push(`${n.name} in ${o.what}`);
    expect(found).toEqual([]);
    expect(files.length).toBeGreaterThan(0); // profiles.json at least: the scan looked at something
    console.info(`[files scanned] ${files.map((f) => f.slice(root.length)).join(", ")}`);
    console.info(`[figures] secrets at rest: ${secrets.size} secret values (${search.length} needles), ${files.length} files and ${outputs.length} outputs/logs scanned, ${found.length} found`);
  });
});
