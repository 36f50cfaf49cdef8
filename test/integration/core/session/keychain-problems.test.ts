import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../../emulator/index.js';
import { createProfileStore } from '../../../../main/core/profiles/store.js';
import { DEMO_CLIENT_ID, KEYRING, NO_KEYRING, ROOT, buildCli, emulatorConfig, freePort, runCli } from '../../../support/session-fixtures.js';

/**
 * The CLI with no usable keychain tells the truth: status says a session may be stored but cannot
 * be read (not "not signed in"), token says the same (not "log in again", which would loop), login
 * refuses before the browser opens unless --allow-memory-only, and logout says what it could not do
 * and exits 1. Never a file.
 * - unavailable: DBUS_SESSION_BUS_ADDRESS points at a socket that does not exist;
 * - locked: a private bus and gnome-keyring (scripts/with-keyring.sh) whose login collection is
 *   locked after a real sign-in (headless, so the unlock prompt is dismissed at once), then
 *   unlocked with its password: the session was there all along.
 */
const UNAVAILABLE_HINT = 'Start a Secret Service (gnome-keyring or KeePassXC) in your session, or run inside dbus-run-session; sessions will last until the process exits.';
const LOCKED_HINT = 'Unlock your login keyring (e.g. in Seahorse / "Passwords and Keys"), then try again.';
const MEMORY_ONLY = 'stored in        memory only: the keychain is unavailable, this session ends with the process';
const why = (code: string) => (code === 'KEYCHAIN_LOCKED' ? 'the keychain is locked' : 'no keychain is available');
const unreadable = (code: string, hint: string) => `error[${code}]: a session for profile "${profile}" may be stored, but it cannot be read: ${why(code)}\nhint: ${hint}\n`;
const notSignedOut = (code: string, revoked: string, hint: string) =>
  `error[${code}]: not signed out of profile "${profile}": ${why(code)}, so a stored session could not be read or removed\n` +
  `  refresh token revoked: ${revoked}\n  keychain entry removed: no (a session may still be stored)\nhint: ${hint} Then run logout again.\n`;
const loginRefused = (code: string, hint: string) =>
  `error[${code}]: not signing in: ${why(code)}, so the session could not be kept and would end with this command\nhint: ${hint} Or pass --allow-memory-only to sign in for this command only.\n`;

/**
 * The CLI's own stderr lines: without those of other programs sharing it (dbus-daemon, and
 * gnome-keyring's gcr-prompter failing to open a display), blank lines, and login's progress line.
 */
const own = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l !== '' && !/^(dbus-daemon|\(gcr-prompter)/.test(l) && !/^(waiting for the browser sign-in|opening your browser at$|\s+http:\/\/localhost:\d+\/)/.test(l))
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
  (await readdir(home, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(home.length + 1)).filter((f) => f !== 'profiles.json' && f !== 'current-profile.json' && !f.startsWith('locks/'));

const browserArgs = () => ['--browser-command', `node ${ROOT}/test/support/browser-command.mjs`, '--timeout', '45'];

describe('no Secret Service on the bus (KEYCHAIN_UNAVAILABLE)', () => {
  const noBus = () => ({ ...env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(tmpdir(), `no-such-bus-${randomUUID()}`)}` });
  const HINT_AGAIN = 'Start a Secret Service (gnome-keyring or KeePassXC) in your session, or run inside dbus-run-session.';

  it('status: a session may be stored but cannot be read, and why; exit 1', async () => {
    const r = await runCli(['status', '--profile', profile], noBus());
    expect(r).toEqual({ code: 1, stdout: '', stderr: unreadable('KEYCHAIN_UNAVAILABLE', UNAVAILABLE_HINT) });
    const j = await runCli(['status', '--profile', profile, '--json'], noBus());
    expect({ code: j.code, stderr: j.stderr, json: JSON.parse(j.stdout) }).toMatchObject({
      code: 1, stderr: '', json: { profile, signedIn: null, sessionReadable: false, keychainProblem: { code: 'KEYCHAIN_UNAVAILABLE' } },
    });
  });

  it('token: the same truth, not NOT_SIGNED_IN with "log in again"', async () => {
    const r = await runCli(['token', '--profile', profile], noBus());
    expect(r).toEqual({ code: 1, stdout: '', stderr: unreadable('KEYCHAIN_UNAVAILABLE', UNAVAILABLE_HINT) });
  });

  it('logout: says it could neither revoke nor remove anything, exit 1; --json says the same', async () => {
    const r = await runCli(['logout', '--profile', profile], noBus());
    expect(r).toEqual({ code: 1, stdout: '', stderr: notSignedOut('KEYCHAIN_UNAVAILABLE', 'no (it could not be read)', HINT_AGAIN) });
    const local = await runCli(['logout', '--local', '--profile', profile], noBus());
    expect(local).toEqual({ code: 1, stdout: '', stderr: notSignedOut('KEYCHAIN_UNAVAILABLE', 'no (--local)', HINT_AGAIN) });
    const j = await runCli(['logout', '--profile', profile, '--json'], noBus());
    expect({ code: j.code, stderr: j.stderr, json: JSON.parse(j.stdout) }).toEqual({
      code: 1, stderr: '', json: { profile, revoked: false, keychainEntryRemoved: false, keychainProblem: expect.objectContaining({ code: 'KEYCHAIN_UNAVAILABLE' }) },
    });
  });

  it('login: refused before the browser opens', async () => {
    e.clearLog();
    const r = await runCli(['login', '--profile', profile, ...browserArgs()], noBus());
    expect({ ...r, hostedUiRequests: e.requestLog.length }).toEqual({ code: 1, stdout: '', stderr: loginRefused('KEYCHAIN_UNAVAILABLE', HINT_AGAIN), hostedUiRequests: 0 });
  });

  it('login --allow-memory-only: signs in, says the session lives in memory only', async () => {
    const r = await runCli(['login', '--profile', profile, '--allow-memory-only', ...browserArgs()], noBus());
    expect({ code: r.code, stderr: own(r.stderr), first: r.stdout.split('\n')[0], memoryOnly: r.stdout.includes(`${MEMORY_ONLY}\n`) }).toEqual({
      code: 0,
      stderr: `warning[KEYCHAIN_UNAVAILABLE]: no keychain is available: signing in for this command only (--allow-memory-only); the session will not be kept.\nhint: ${UNAVAILABLE_HINT}\n`,
      first: `signed in with profile "${profile}"`,
      memoryOnly: true,
    });
    expect(await strayFiles()).toEqual([]);
  });
});

describe.skipIf(!KEYRING)(`a locked login collection (KEYCHAIN_LOCKED), then unlocked${NO_KEYRING}`, () => {
  interface Step { code?: number; stdout?: string; stderr?: string; locked?: boolean; ok?: boolean; value?: string | null; persistent?: boolean; recovered?: number }
  /** Runs keyring-steps.mjs in a private bus + keyring of its own (ours must stay unlocked for the other tests). */
  const inPrivateKeyring = async (steps: object[]): Promise<Step[]> => {
    const childEnv: NodeJS.ProcessEnv = { ...env, ROOT, STEPS: JSON.stringify(steps) };
    delete childEnv.XDG_RUNTIME_DIR; // else the child's gnome-keyring would find ours
    delete childEnv.DBUS_SESSION_BUS_ADDRESS;
    const { spawn } = await import('node:child_process');
    return new Promise((resolve, reject) => {
      const child = spawn('dbus-run-session', ['--', `${ROOT}/scripts/with-keyring.sh`, process.execPath, `${ROOT}/test/integration/core/session/keyring-steps.mjs`], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        const last = out.trim().split('\n').at(-1) ?? '';
        if (code !== 0 || !last.startsWith('[')) reject(new Error(`keyring-steps exited ${code}:\n${out}\n${err}`));
        else resolve(JSON.parse(last) as Step[]);
      });
    });
  };
  const p = ['--profile', profile];

  it('signed in, then locked: status, token, login and logout tell the truth; unlocked, the session is still there', async () => {
    const [login, lock, status, token, relogin, logout, unlock, statusAfter, logoutAfter, gone] = await inPrivateKeyring([
      { cli: ['login', ...p, ...browserArgs()] },
      { do: 'lock' },
      { cli: ['status', ...p] },
      { cli: ['token', ...p] },
      { cli: ['login', ...p, ...browserArgs()] },
      { cli: ['logout', ...p, '--json'] },
      { do: 'unlock' },
      { cli: ['status', ...p] },
      { cli: ['logout', ...p] },
      { cli: ['status', ...p] },
    ]);
    // presence first: a real session was stored, so the absence checks below can fail
    expect({ code: login!.code, first: login!.stdout!.split('\n')[0], keychain: login!.stdout!.includes('stored in        the OS keychain') }).toEqual({
      code: 0, first: `signed in with profile "${profile}"`, keychain: true,
    });
    expect(lock).toEqual({ locked: true });
    expect({ code: status!.code, stdout: status!.stdout, stderr: own(status!.stderr!) }).toEqual({ code: 1, stdout: '', stderr: unreadable('KEYCHAIN_LOCKED', LOCKED_HINT) });
    expect({ code: token!.code, stdout: token!.stdout, stderr: own(token!.stderr!) }).toEqual({ code: 1, stdout: '', stderr: unreadable('KEYCHAIN_LOCKED', LOCKED_HINT) });
    expect({ code: relogin!.code, stdout: relogin!.stdout, stderr: own(relogin!.stderr!) }).toEqual({ code: 1, stdout: '', stderr: loginRefused('KEYCHAIN_LOCKED', LOCKED_HINT) });
    expect({ code: logout!.code, json: JSON.parse(logout!.stdout!) }).toEqual({
      code: 1, json: { profile, revoked: false, keychainEntryRemoved: false, keychainProblem: expect.objectContaining({ code: 'KEYCHAIN_LOCKED' }) },
    });
    expect(unlock).toEqual({ locked: false });
    // the session survived the failed logout, as logout said
    expect({ code: statusAfter!.code, first: statusAfter!.stdout!.split('\n')[0] }).toEqual({ code: 0, first: `signed in with profile "${profile}"` });
    expect({ code: logoutAfter!.code, stdout: logoutAfter!.stdout }).toEqual({ code: 0, stdout: `signed out of profile "${profile}": refresh token revoked; keychain entry removed\n` });
    expect({ code: gone!.code, stdout: gone!.stdout }).toEqual({ code: 1, stdout: `not signed in with profile "${profile}": run cognito-inspector login --profile ${profile}\n` });
    expect(await strayFiles()).toEqual([]);
  });

  it('the app\'s store: locked → memory → unlocked → the next write lands in the keychain, with what memory held', async () => {
    const steps = await inPrivateKeyring([
      { do: 'store', op: 'set', account: 'seed', value: 'before' },
      { do: 'lock' },
      { do: 'store', op: 'set', account: 'profile:a', value: 'kept-in-memory' },
      { do: 'unlock' },
      { do: 'store', op: 'set', account: 'profile:b', value: 'after' },
      { do: 'keychain-get', account: 'profile:a' },
      { do: 'keychain-get', account: 'profile:b' },
    ]);
    expect(steps).toEqual([
      { ok: true, persistent: true, recovered: 0 },
      { locked: true },
      { ok: true, persistent: false, recovered: 0 },
      { locked: false },
      { ok: true, persistent: true, recovered: 1 },
      { value: 'kept-in-memory' },
      { value: 'after' },
    ]);
  });
});
