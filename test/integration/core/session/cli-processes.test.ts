import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../../emulator/index.js';
import { createProfileStore } from '../../../../main/core/profiles/store.js';
import { createSessionVault, type SessionVault } from '../../../../main/core/secrets/session-vault.js';
import { createSystemSecretStore } from '../../../../main/core/secrets/system-store.js';
import { DEMO_CLIENT_ID, KEYRING, NO_KEYRING, ROOT, buildCli, emulatorConfig, freePort, runCli, tokenPosts } from '../../../support/session-fixtures.js';

/**
 * Separate CLI processes sharing one session through the real keychain (the CLI's own service
 * name, in the throwaway gnome-keyring of scripts/with-keyring.sh). Rotation is on with no grace
 * period, so two processes refreshing with the same refresh token would sign the user out.
 */
if (!KEYRING) console.warn(`cli-processes.test.ts: skipped${NO_KEYRING}`);

let e: Emulator;
let home: string;
let env: NodeJS.ProcessEnv;
let vault: SessionVault;
const profile = `cli-${Math.random().toString(36).slice(2, 10)}`;
/** A second app client whose tokens live 10 s: shorter than the 30 s the `token` command asks for. */
const SHORT_CLIENT = 'shortlivedclient000000000';
const short = `${profile}-short`;

beforeAll(async () => {
  if (!KEYRING) return;
  const port = await freePort();
  const [, emulator, dir] = await Promise.all([
    buildCli(),
    startEmulator({
      config: emulatorConfig(port, { refreshTokenRotation: { enabled: true, gracePeriodSeconds: 0 } }, [
        { clientId: SHORT_CLIENT, accessTokenValiditySeconds: 10, idTokenValiditySeconds: 10, refreshTokenRotation: { enabled: true, gracePeriodSeconds: 0 } },
      ]),
    }),
    mkdtemp(join(tmpdir(), 'cognito-inspector-cli-')),
  ]);
  e = emulator;
  home = dir;
  env = { ...process.env, COGNITO_INSPECTOR_HOME: home, NO_COLOR: '1' };
  const profiles = createProfileStore(home);
  await profiles.add({ name: profile, issuer: e.issuer, clientId: DEMO_CLIENT_ID, redirectUris: [`http://localhost:${port}/callback`] });
  await profiles.add({ name: short, issuer: e.issuer, clientId: SHORT_CLIENT, redirectUris: [`http://localhost:${port}/callback`] });
  vault = createSessionVault(createSystemSecretStore()); // what the CLI reads: service "cognito-inspector"
}, 120_000);

afterAll(async () => {
  if (!KEYRING) return;
  await vault.remove(profile).catch(() => undefined);
  await vault.remove(short).catch(() => undefined);
  await e?.stop();
  await rm(home, { recursive: true, force: true });
});

/** Makes the stored access token expired, as if the CLI were run an hour later. */
async function expireStoredAccessToken(name = profile): Promise<void> {
  const entry = await vault.read(name);
  if (!entry) throw new Error('no stored session');
  const lifetime = (entry.expiresAt ?? 0) - (entry.issuedAt ?? 0);
  await vault.write(name, { ...entry, expiresAt: Date.now() - 1000, issuedAt: Date.now() - 1000 - lifetime });
}

describe.skipIf(!KEYRING)('CLI processes and the keychain', () => {
  it('login in real Chromium stores the session in the keychain', async () => {
    const r = await runCli(['login', '--profile', profile, '--browser-command', `node ${ROOT}/test/support/browser-command.mjs`, '--timeout', '45'], env);
    expect({ code: r.code, out: r.stdout.split('\n')[0] }).toEqual({ code: 0, out: `signed in with profile "${profile}"` });
    const entry = await vault.read(profile);
    expect([typeof entry?.refreshToken, typeof entry?.idToken, typeof entry?.accessToken]).toEqual(['string', 'string', 'string']);
  });

  it('a new process prints the token from the keychain without a network request', async () => {
    const log = e.requestLog.length;
    const r = await runCli(['token', '--profile', profile], env);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: `${(await vault.read(profile))?.idToken}\n`, stderr: '' });
    expect(e.requestLog.slice(log)).toEqual([]);
  });

  it('cached token and status take the fast path, and print exactly what the full CLI prints', async () => {
    const { tryFastSession } = await import('../../../../main/cli/fast-route.js');
    const fast = async (args: string[]) => {
      let out = '';
      const taken = await tryFastSession(['node', 'cognito-inspector', ...args], env, (s) => void (out += s));
      return { taken, out };
    };
    const log = e.requestLog.length;
    for (const args of [['token', '--profile', profile], ['token', '-p', profile, '--type', 'access'], ['status', '--profile', profile], ['status', `--profile=${profile}`, '--json']]) {
      const full = await runCli([...args, '--debug'], env); // --debug is not a fast-path flag: the full CLI answers
      const viaBin = await runCli(args, env);
      const direct = await fast(args);
      expect({ args, taken: direct.taken, code: viaBin.code, stderr: viaBin.stderr }).toEqual({ args, taken: true, code: 0, stderr: '' });
      // status prints relative times ("in 59 min", expiresInSeconds), which move between the runs
      const same = (s: string) => s.replace(/\b\d+ (s|min|h|days)\b/g, 'N $1').replace(/"expiresInSeconds": -?\d+/g, '"expiresInSeconds": N');
      expect(full.stdout).toMatch(args[0] === 'token' ? /^eyJ/ : /signed in with profile|"signedIn": true/);
      expect(same(viaBin.stdout)).toBe(same(full.stdout));
      expect(same(direct.out)).toBe(same(full.stdout));
    }
    expect(e.requestLog.length).toBe(log);
    // Anything the fast path does not take, it leaves to the full CLI.
    for (const args of [['token', '--profile', profile, '--decode'], ['token', '--profile', 'no-such-profile'], ['status', '--profile', profile, '--verbose'], ['token', '--profile', profile, '--min-valid', '60']]) {
      expect({ args, ...(await fast(args)) }).toEqual({ args, taken: false, out: '' });
    }
  });

  it('token --refresh refreshes a valid token; --min-valid refreshes only when less is left, and says when a fresh one cannot satisfy it', async () => {
    const before = tokenPosts(e);
    const old = (await vault.read(profile))!.idToken;
    const forced = await runCli(['token', '--profile', profile, '--refresh'], env);
    const refreshed = (await vault.read(profile))!.idToken;
    expect({ code: forced.code, stdout: forced.stdout, stderr: forced.stderr, requests: tokenPosts(e) - before, changed: refreshed !== old }).toEqual({
      code: 0, stdout: `${refreshed}\n`, stderr: '', requests: 1, changed: true,
    });
    const enough = await runCli(['token', '--profile', profile, '--min-valid', '600'], env);
    expect({ code: enough.code, stdout: enough.stdout, requests: tokenPosts(e) - before }).toEqual({ code: 0, stdout: `${refreshed}\n`, requests: 1 });
    // 3700 s is more than the 1-hour tokens can give: refreshed (not capped), then a warning
    const more = await runCli(['token', '--profile', profile, '--min-valid', '3700'], env);
    const latest = (await vault.read(profile))!.idToken;
    expect({ code: more.code, stdout: more.stdout, requests: tokenPosts(e) - before, changed: latest !== refreshed }).toEqual({ code: 0, stdout: `${latest}\n`, requests: 2, changed: true });
    expect(more.stderr).toMatch(/^warning: the token is valid for 3[56]\d\d s only, less than --min-valid 3700, even refreshed/);
    const both = await runCli(['token', '--profile', profile, '--refresh', '--min-valid', '5'], env);
    expect({ code: both.code, requests: tokenPosts(e) - before }).toEqual({ code: 2, requests: 2 });
  });

  it('two processes at once with an expired access token: one refresh request, both print the new token', async () => {
    await expireStoredAccessToken();
    const before = await vault.read(profile);
    const posts = tokenPosts(e);
    const [a, b] = await Promise.all([runCli(['token', '--profile', profile], env), runCli(['token', '--profile', profile], env)]);
    const after = await vault.read(profile);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    expect(tokenPosts(e) - posts).toBe(1);
    expect(after?.refreshToken).not.toBe(before?.refreshToken); // rotated once, and kept
    expect([a.stdout, b.stdout]).toEqual([`${after?.idToken}\n`, `${after?.idToken}\n`]);
    expect(after?.idToken).not.toBe(before?.idToken);
    console.info(`[figures] 2 concurrent CLI processes: ${tokenPosts(e) - posts} token request`);
  });

  it('four processes at once: still one refresh request', async () => {
    await expireStoredAccessToken();
    const posts = tokenPosts(e);
    const runs = await Promise.all(Array.from({ length: 4 }, () => runCli(['token', '--type', 'access', '--profile', profile], env)));
    const after = await vault.read(profile);
    expect(runs.map((r) => [r.code, r.stdout, r.stderr])).toEqual(Array.from({ length: 4 }, () => [0, `${after?.accessToken}\n`, '']));
    expect(tokenPosts(e) - posts).toBe(1);
  });

  it('tokens that live 10 s (less than the 30 s `token` asks for): two processes at once still make one request', async () => {
    const login = await runCli(['login', '--profile', short, '--browser-command', `node ${ROOT}/test/support/browser-command.mjs`, '--timeout', '45'], env);
    expect(login.code).toBe(0);
    await expireStoredAccessToken(short);
    const posts = tokenPosts(e);
    const runs = await Promise.all([runCli(['token', '--profile', short], env), runCli(['token', '--profile', short], env)]);
    const after = await vault.read(short);
    expect(runs.map((r) => [r.code, r.stdout, r.stderr])).toEqual([[0, `${after?.idToken}\n`, ''], [0, `${after?.idToken}\n`, '']]);
    expect(tokenPosts(e) - posts).toBe(1);
    console.info(`[figures] 2 concurrent CLI processes, 10 s tokens: ${tokenPosts(e) - posts} token request`);
  });

  it('a refresh token revoked out of band: token exits 1 with a hint, and the keychain entry is gone', async () => {
    const rt = (await vault.read(profile))?.refreshToken ?? '';
    const revoke = await fetch(`${e.url}/oauth2/revoke`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: rt, client_id: DEMO_CLIENT_ID }) });
    expect(revoke.status).toBe(200);
    await expireStoredAccessToken();
    const r = await runCli(['token', '--profile', profile], env);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^error\[SESSION_EXPIRED\]: .+\nhint: .*sign in again.*\n$/i),
    });
    expect(await vault.read(profile)).toBeNull();
    const status = await runCli(['status', '--profile', profile], env);
    expect([status.code, status.stdout]).toEqual([1, `not signed in with profile "${profile}": run cognito-inspector login --profile ${profile}\n`]);
  });
});
