import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../../main/core/errors/app-error.js';
import { createChunkedStore } from '../../../../main/core/secrets/chunked-store.js';
import { createKeyringStore } from '../../../../main/core/secrets/keyring-store.js';
import { createSessionVault, type VaultEntryInput } from '../../../../main/core/secrets/session-vault.js';

/**
 * The secret store against a real gnome-keyring. Run under
 * `dbus-run-session -- scripts/with-keyring.sh npx vitest run --project integration test/integration/core/secrets`.
 */
const KEYRING = process.env.COGNITO_INSPECTOR_TEST_KEYRING;
const SKIP_REASON = KEYRING ? '' : ' [SKIPPED: COGNITO_INSPECTOR_TEST_KEYRING unset; run under `dbus-run-session -- scripts/with-keyring.sh`]';
const SERVICE = 'cognito-inspector-test';
if (!KEYRING) console.warn(`${import.meta.url.split('/').pop()}: keychain tests skipped: COGNITO_INSPECTOR_TEST_KEYRING unset; run under \`dbus-run-session -- scripts/with-keyring.sh\``);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const run = promisify(execFile);

/** Accounts of SERVICE in the Secret Service, asked with libsecret's own tool. */
async function accountsInKeyring(): Promise<string[]> {
  const { stdout, stderr } = await run('secret-tool', ['search', '--all', 'service', SERVICE]);
  return `${stdout}\n${stderr}`
    .split('\n')
    .filter((line) => line.startsWith('attribute.username = '))
    .map((line) => line.slice('attribute.username = '.length))
    .sort();
}

const token = (prefix: string, length: number): string => (prefix + '.').padEnd(length, 'x');
const session: VaultEntryInput = {
  refreshToken: token('refresh', 1800),
  idToken: token('id', 1100),
  accessToken: token('access', 1000),
  expiresAt: 1_700_003_600_000,
  awsCredentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: token('aws', 40), sessionToken: token('session', 4400) },
};

describe('keyring store on a real Secret Service', () => {
  let childDir: string;
  let child: string;

  beforeAll(async () => {
    childDir = await mkdtemp(join(tmpdir(), 'cognito-inspector-keyring-child-'));
    child = join(childDir, 'keyring-child.mjs');
    await build({
      entryPoints: [join(ROOT, 'test/integration/core/secrets/keyring-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['@napi-rs/keyring'],
      outfile: child,
      logLevel: 'silent',
    });
  });

  afterAll(async () => {
    await rm(childDir, { recursive: true, force: true });
  });

  /** Runs the bundled child with `env`; it resolves @napi-rs/keyring from the project. */
  async function runChild(args: string[], env: NodeJS.ProcessEnv, wrap: string[] = []): Promise<{ ok: boolean; value?: unknown; error?: ErrorInfo }> {
    const command = [...wrap, process.execPath, child, ...args];
    const { stdout } = await run(command[0]!, command.slice(1), { env: { ...env, NODE_PATH: join(ROOT, 'node_modules') }, cwd: ROOT, timeout: 30_000 });
    const line = stdout.trim().split('\n').pop() ?? '';
    return JSON.parse(line) as { ok: boolean; value?: unknown; error?: ErrorInfo };
  }

  it.skipIf(!KEYRING)(`round-trips an 8 KB session in chunks, and removes every chunk${SKIP_REASON}`, async () => {
    const profile = `it-${randomUUID()}`;
    const vault = createSessionVault(createChunkedStore(createKeyringStore({ service: SERVICE })), { clock: { now: () => 1 } });
    expect(JSON.stringify(session).length).toBeGreaterThan(8192);

    expect(await vault.write(profile, session)).toEqual({ written: true });
    expect(await vault.read(profile)).toEqual({ ...session, updatedAt: 1 });
    const mine = (await accountsInKeyring()).filter((a) => a.startsWith(`profile:${profile}`));
    expect(mine).toEqual([`profile:${profile}`, ...Array.from({ length: 8 }, (_, i) => `profile:${profile}#0.${i + 1}`)]);
    expect(await vault.write(profile, session)).toEqual({ written: false });

    await vault.remove(profile);
    expect(await vault.read(profile)).toBeNull();
    expect((await accountsInKeyring()).filter((a) => a.startsWith(`profile:${profile}`))).toEqual([]);
  });

  it('reports KEYCHAIN_UNAVAILABLE with its hint when there is no session bus', async () => {
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(tmpdir(), `no-such-bus-${randomUUID()}`)}` };
    for (const op of ['get', 'set', 'delete']) {
      const result = await runChild([op, 'unavailable'], env);
      expect(result.ok).toBe(false);
      expect({ code: result.error?.code, message: result.error?.message.replace(/could not be \w+/, 'could not be …'), hint: result.error?.hint }).toEqual({
        code: 'KEYCHAIN_UNAVAILABLE',
        message: 'No keychain is available, so the session could not be ….',
        hint: 'Start a Secret Service (gnome-keyring or KeePassXC) in your session, or run inside dbus-run-session; sessions will last until the process exits.',
      });
    }
  });

  it.skipIf(!KEYRING)(`reports KEYCHAIN_LOCKED when the login collection is locked${SKIP_REASON}`, async () => {
    // A private bus and keyring for each child run: once locked, a collection cannot be unlocked
    // again without a prompt, so the shared one must stay unlocked for the other tests. The child
    // first saves an item, because a locked collection with no matching item answers get with null
    // and delete with false without asking to unlock.
    const seedLockThenRun = [
      'sh',
      '-c',
      '"$0" "$1" set locked >/dev/null && dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null && shift && exec "$@"',
      process.execPath,
      child,
    ];
    const env = { ...process.env };
    delete env.XDG_RUNTIME_DIR; // else the child's gnome-keyring would find ours
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const wrap = ['dbus-run-session', '--', join(ROOT, 'scripts/with-keyring.sh'), ...seedLockThenRun];
    for (const op of ['get', 'set', 'delete']) {
      const result = await runChild([op, 'locked'], env, wrap);
      expect({ op, ok: result.ok, code: result.error?.code, hint: result.error?.hint }).toEqual({
        op,
        ok: false,
        code: 'KEYCHAIN_LOCKED',
        hint: 'Unlock your login keyring (e.g. in Seahorse / "Passwords and Keys"), then try again.',
      });
    }
  });
});
