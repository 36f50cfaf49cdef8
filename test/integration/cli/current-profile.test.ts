import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { createSystemSecretStore } from '../../../main/core/secrets/system-store.js';
import { createSessionVault } from '../../../main/core/secrets/session-vault.js';
import { BROWSER, EMULATOR_CLIENT, errorOf, freshHome, keychainAccounts, runCli, savedProfiles, uniqueName } from './support.js';

/**
 * The README's ad-hoc login, then plain commands: the profile signed in with becomes current, so
 * `status` finds it; `profiles use` switches; `profiles list` marks the current and the ad-hoc ones;
 * `profiles remove` of a signed-in profile revokes its refresh token and leaves nothing behind.
 */
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => emulator?.stop());

describe('the current profile', () => {
  it('after an ad-hoc login, plain status uses that session; list marks it current and ad-hoc; use switches', async () => {
    const home = await freshHome();
    const login = await runCli(['login', '--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT, '--browser-command', BROWSER, '--timeout', '60'], { home });
    expect(login.code).toBe(0);
    const adhoc = /^signed in with profile "(adhoc-[\w-]+)"$/m.exec(login.stdout)![1]!;

    const status = await runCli(['status'], { home });
    expect([status.code, status.stdout.split('\n')[0]]).toEqual([0, `signed in with profile "${adhoc}"`]);

    const named = uniqueName('named');
    expect((await runCli(['profiles', 'add', named, '--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT], { home })).code).toBe(0);
    const list = await runCli(['profiles', 'list'], { home });
    const width = Math.max(adhoc.length, named.length);
    expect(list.stdout).toBe([
      ...[[adhoc, '*', '  (ad-hoc: remembered from --issuer/--client-id)'], [named, ' ', '']].sort((a, b) => a[0]!.localeCompare(b[0]!))
        .map(([n, mark, note]) => `${mark} ${n!.padEnd(width)}  ${emulator.issuer}  ${EMULATOR_CLIENT}${note}\n`),
      '* current: used when no --profile is given (change it with `cognito-inspector profiles use NAME`)\n',
    ].join(''));
    expect(JSON.parse((await runCli(['profiles', 'list', '--json'], { home })).stdout)).toMatchObject({ current: adhoc });

    expect(await runCli(['profiles', 'use', named], { home })).toMatchObject({ code: 0, stdout: `current profile: "${named}" (used when no --profile is given)\n` });
    const notIn = await runCli(['status'], { home });
    expect([notIn.code, notIn.stdout]).toEqual([1, `not signed in with profile "${named}": run cognito-inspector login --profile ${named}\n`]);
    await runCli(['logout', '--profile', adhoc], { home });
  });

  it('several profiles, none current: the hint names them and `profiles use` (exit 2)', async () => {
    const home = await freshHome();
    await runCli(['profiles', 'add', 'x', '--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT], { home });
    await runCli(['profiles', 'add', 'y', '--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT], { home });
    const r = await runCli(['status'], { home });
    expect({ exit: r.code, ...errorOf(r.stderr) }).toEqual({
      exit: 2, code: 'BAD_USAGE', message: 'several profiles exist and none is current; say which one',
      hint: 'add --profile NAME (one of: x, y), or make one current: cognito-inspector profiles use NAME',
    });
  });
});

describe('profiles remove of a signed-in profile', () => {
  it('revokes the refresh token first, then removes the keychain entry, the lock files, the profile and the current mark', async () => {
    const home = await freshHome();
    const name = uniqueName('gone');
    await runCli(['profiles', 'add', name, '--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT], { home });
    expect((await runCli(['login', '--profile', name, '--browser-command', BROWSER, '--timeout', '60'], { home })).code).toBe(0);
    expect((await runCli(['token', '--profile', name], { home })).code).toBe(0); // a refresh-capable session, lock files made
    const refreshToken = (await createSessionVault(createSystemSecretStore()).read(name))?.refreshToken;
    expect(refreshToken).toBeTruthy();
    expect(existsSync(join(home, 'locks', `${name}.lock-target`))).toBe(true);

    const r = await runCli(['profiles', 'remove', name], { home });
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: `removed profile "${name}" (its refresh token was revoked and its keychain entry removed)\n`, stderr: '' });
    // The token no longer works at the pool, even for someone who copied it.
    const res = await fetch(`${emulator.url.replace(/\/$/, '')}/oauth2/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: EMULATOR_CLIENT, refresh_token: refreshToken! }),
    });
    expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([400, 'invalid_grant']);
    expect(await keychainAccounts()).not.toContain(`profile:${name}`);
    expect(await savedProfiles(home)).toEqual({});
    expect((await readdir(join(home, 'locks'))).filter((f) => f.startsWith(name))).toEqual([]);
    expect(existsSync(join(home, 'current-profile.json'))).toBe(false);
  });
});
