import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../../emulator/index.js';
import { createProfileStore } from '../../../../main/core/profiles/store.js';
import { vaultAccount } from '../../../../main/core/secrets/session-vault.js';
import { DEMO_CLIENT_ID, KEYRING, NO_KEYRING, ROOT, buildCli, emulatorConfig, freePort, runCli } from '../../../support/session-fixtures.js';

/**
 * The CLI with no usable keychain: the documented warning with its hint on stderr, the statement
 * that the session will not survive, and the session kept in memory only (never a file).
 * - unavailable: DBUS_SESSION_BUS_ADDRESS points at a socket that does not exist;
 * - locked: a private bus and gnome-keyring (scripts/with-keyring.sh) whose login collection holds
 *   the profile's entry and is then locked (headless, so the unlock prompt is dismissed at once).
 */
const UNAVAILABLE_HINT = 'Start a Secret Service (gnome-keyring or KeePassXC) in your session, or run inside dbus-run-session; sessions will last until the process exits.';
const LOCKED_HINT = 'Unlock your login keyring (e.g. in Seahorse / "Passwords and Keys"), then try again.';
const MEMORY_ONLY = 'stored in        memory only: the keychain is unavailable, this session ends with the process';
const warning = (code: string, action: string, hint: string) =>
  `warning[${code}]: ${code === 'KEYCHAIN_LOCKED' ? 'The keychain is locked' : 'No keychain is available'}, so the session could not be ${action}. The session will not survive this process.\nhint: ${hint}\n`;

/**
 * The CLI's own stderr lines: without those of other programs sharing it (dbus-daemon, and
 * gnome-keyring's gcr-prompter failing to open a display), blank lines, and login's progress line.
 */
const own = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l !== '' && !/^(dbus-daemon|\(gcr-prompter)/.test(l) && !/^waiting for the browser sign-in \(http:\/\/localhost:\d+\/\)$/.test(l))
    .map((l) => `${l}\n`)
    .join('');

let e: Emulator;
let home: string;
let env: NodeJS.ProcessEnv;
const profile = `kc-${Math.random().toString(36).slice(2, 10)}`;

beforeAll(async () => {
  const port = await freePort();
  const [, emulator, dir] = await Promise.all([buildCli(), startEmulator({ config: emulatorConfig(port) }), mkdtemp(join(tmpdir(), 'cognito-inspector-kc-'))]);
  e = emulator;
  home = dir;
  env = { ...process.env, COGNITO_INSPECTOR_HOME: home, NO_COLOR: '1' };
  await createProfileStore(home).add({ name: profile, issuer: e.issuer, clientId: DEMO_CLIENT_ID, redirectUris: [`http://localhost:${port}/callback`] });
}, 120_000);

afterAll(async () => {
  await e?.stop();
  await rm(home, { recursive: true, force: true });
});

/** Files in the inspector home other than the profiles and lock files: a plain-text fallback would show here. */
const strayFiles = async () =>
  (await readdir(home, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(home.length + 1)).filter((f) => f !== 'profiles.json' && !f.startsWith('locks/'));

const browserArgs = () => ['--browser-command', `node ${ROOT}/test/support/browser-command.mjs`, '--timeout', '45'];

describe('no Secret Service on the bus (KEYCHAIN_UNAVAILABLE)', () => {
  const noBus = () => ({ ...env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(tmpdir(), `no-such-bus-${randomUUID()}`)}` });

  it('status: warning with hint, not signed in', async () => {
    const r = await runCli(['status', '--profile', profile], noBus());
    expect(r).toEqual({
      code: 1,
      stdout: `not signed in with profile "${profile}": run cognito-inspector login --profile ${profile}\n`,
      stderr: warning('KEYCHAIN_UNAVAILABLE', 'read', UNAVAILABLE_HINT),
    });
  });

  it('login: signs in anyway, says the session lives in memory only', async () => {
    const r = await runCli(['login', '--profile', profile, ...browserArgs()], noBus());
    expect({ code: r.code, stderr: own(r.stderr), first: r.stdout.split('\n')[0], memoryOnly: r.stdout.includes(`${MEMORY_ONLY}\n`) }).toEqual({
      code: 0, stderr: warning('KEYCHAIN_UNAVAILABLE', 'read', UNAVAILABLE_HINT), first: `signed in with profile "${profile}"`, memoryOnly: true,
    });
    expect(await strayFiles()).toEqual([]);
  });
});

describe.skipIf(!KEYRING)(`a locked login collection (KEYCHAIN_LOCKED)${NO_KEYRING}`, () => {
  /** A private bus + keyring; seeds `seed` (an account of the CLI's service) when given, locks the collection, then runs the CLI. */
  const lockedKeyring = (seed: string | undefined) => {
    const childEnv: NodeJS.ProcessEnv = { ...env, SEED_ACCOUNT: seed ?? '', SEED_MODULE: `${ROOT}/dist/main/core/secrets/system-store.js` };
    delete childEnv.XDG_RUNTIME_DIR; // else the child's gnome-keyring would find ours
    delete childEnv.DBUS_SESSION_BUS_ADDRESS;
    const seedJs = 'if (process.env.SEED_ACCOUNT) await (await import(process.env.SEED_MODULE)).createSystemSecretStore().set(process.env.SEED_ACCOUNT, JSON.stringify({ updatedAt: 0 }))';
    const script = [
      `"$0" --input-type=module -e '${seedJs}'`,
      'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null',
      'exec "$0" "$@"',
    ].join(' && ');
    return { childEnv, wrap: ['dbus-run-session', '--', `${ROOT}/scripts/with-keyring.sh`, 'sh', '-c', script] };
  };

  it('status with a stored entry: warning with hint, not signed in', async () => {
    const { childEnv, wrap } = lockedKeyring(vaultAccount(profile));
    const r = await runCli(['status', '--profile', profile], childEnv, 60_000, wrap);
    expect({ code: r.code, stdout: r.stdout, stderr: own(r.stderr) }).toEqual({
      code: 1,
      stdout: `not signed in with profile "${profile}": run cognito-inspector login --profile ${profile}\n`,
      stderr: warning('KEYCHAIN_LOCKED', 'read', LOCKED_HINT),
    });
  });

  it('login: the save meets the lock; signed in, memory only, with the warning', async () => {
    const { childEnv, wrap } = lockedKeyring(undefined);
    const r = await runCli(['login', '--profile', profile, ...browserArgs()], childEnv, 60_000, wrap);
    expect({ code: r.code, stderr: own(r.stderr), first: r.stdout.split('\n')[0], memoryOnly: r.stdout.includes(`${MEMORY_ONLY}\n`) }).toEqual({
      code: 0, stderr: warning('KEYCHAIN_LOCKED', 'saved', LOCKED_HINT), first: `signed in with profile "${profile}"`, memoryOnly: true,
    });
    expect(await strayFiles()).toEqual([]);
  });
});
