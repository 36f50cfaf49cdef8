import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { BROWSER, EMULATOR_CLIENT, freshHome, keychainAccounts, runCli, savedProfiles } from './support.js';

/** The whole journey with ad-hoc flags: login in real Chromium, status, token, inspect, logout. */
let emulator: Emulator;
let home: string;
let flags: string[];
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  home = await freshHome();
  flags = ['--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT];
});
afterAll(async () => emulator?.stop());

const JWT = /^ey[\w-]+\.ey[\w-]+\.[\w-]+$/;

describe('cognito-inspector against the emulator with ad-hoc flags', () => {
  let profile = '';
  let idToken = '';

  it('login signs alice in through the hosted UI and remembers the session under a derived profile', async () => {
    const r = await runCli(['login', ...flags, '--browser-command', BROWSER, '--timeout', '60', '--debug'], { home });
    expect(r.stderr).not.toMatch(/error\[/);
    expect(r.code).toBe(0);
    profile = /^signed in with profile "(adhoc-127-0-0-1-[0-9a-f]{10})"$/m.exec(r.stdout)?.[1] ?? '';
    expect(profile).not.toBe('');
    expect(r.stdout).toMatch(/^user +alice <alice@example\.com> {2}groups: admins, developers$/m);
    expect(r.stdout).toMatch(/^stored in +the OS keychain$/m);
    expect(await keychainAccounts()).toContain(`profile:${profile}`);
    // Remembered as an ad-hoc profile: settings only, no secret.
    expect(await savedProfiles(home)).toEqual({
      [profile]: expect.objectContaining({ name: profile, issuer: emulator.issuer, clientId: EMULATOR_CLIENT, adHoc: true, hasClientSecret: false }),
    });
    // One token request for the login, and the hosted-UI login form posted once.
    const seen = (path: string) => emulator.requestLog.filter((e) => e.path === path && e.method === 'POST').map((e) => `${e.method} ${e.status}`);
    expect(seen('/oauth2/token')).toEqual(['POST 200']);
    expect(seen('/login')).toEqual(['POST 302']);
  });

  it('status with the same flags finds the session (exit 0); --json says signed in', async () => {
    const r = await runCli(['status', ...flags], { home });
    expect([r.code, r.stdout.split('\n')[0]]).toEqual([0, `signed in with profile "${profile}"`]);
    const json = await runCli(['status', ...flags, '--json'], { home });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ signedIn: true });
  });

  it('token --type id prints the ID token; inspect - --issuer verifies it (exit 0)', async () => {
    const r = await runCli(['token', ...flags, '--type', 'id'], { home });
    expect(r.code).toBe(0);
    idToken = r.stdout.trim();
    expect(idToken).toMatch(JWT);
    expect(decodeJwt(idToken)).toMatchObject({ iss: emulator.issuer, aud: EMULATOR_CLIENT, token_use: 'id', 'cognito:username': 'alice' });
    const inspect = await runCli(['inspect', '-', '--issuer', emulator.issuer, '--audience', EMULATOR_CLIENT, '--token-use', 'id'], { home, input: r.stdout });
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain('alice@example.com');
  });

  it('token --type access prints the access token; inspect verifies it (exit 0)', async () => {
    const r = await runCli(['token', ...flags, '--type', 'access'], { home });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(JWT);
    expect(decodeJwt(r.stdout.trim())).toMatchObject({ iss: emulator.issuer, client_id: EMULATOR_CLIENT, token_use: 'access' });
    const inspect = await runCli(['inspect', '-', '--issuer', emulator.issuer, '--token-use', 'access'], { home, input: r.stdout });
    expect(inspect.code).toBe(0);
  });

  it('logout revokes the refresh token and removes the keychain entry; status then exits 1', async () => {
    const r = await runCli(['logout', ...flags], { home });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, `signed out of profile "${profile}": refresh token revoked; keychain entry removed\n`, '']);
    expect(emulator.isRevoked(String(decodeJwt(idToken).origin_jti))).toBe(true);
    expect(await keychainAccounts()).not.toContain(`profile:${profile}`);
    const status = await runCli(['status', ...flags], { home });
    expect([status.code, status.stdout]).toEqual([1, `not signed in with profile "${profile}": run cognito-inspector login --profile ${profile}\n`]);
  });
});
