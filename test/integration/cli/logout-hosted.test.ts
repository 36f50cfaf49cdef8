import { ensureBuilt } from '../../support/ensure-built.js';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { runCli, signedInProfile, tempHome } from '../../support/test-api/cli.js';
import { BROWSER, isFree, keychainAccounts, ROOT } from './support.js';

/**
 * `logout --hosted` as a person runs it: a missing sign-out URL is refused before anything is
 * revoked; with a loopback sign-out URL the browser (real Chromium) lands on a "signed out" page
 * served by the CLI, not on "connection refused"; when no browser opens, the CLI says so and never
 * claims it opened the sign-out.
 */
const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
const SIGN_OUT = 'http://localhost:53682/signed-out';
let e: Emulator;
let home: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  ensureBuilt();
  e = await startEmulator({ port: 0 });
  home = await tempHome();
  env = { COGNITO_INSPECTOR_HOME: home, BROWSER: '' };
}, 120_000);
afterAll(() => e.stop());

let n = 0;
async function signedIn(): Promise<string> {
  const name = `hosted-${process.pid}-${n++}`;
  await signedInProfile(e, home, name, POOL);
  return name;
}

describe('logout --hosted', () => {
  it('without a sign-out URL: BAD_USAGE exit 2 before acting; the session is still there', async () => {
    const name = await signedIn();
    const r = await runCli(['logout', '--profile', name, '--hosted'], env);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 2, stdout: '',
      stderr: "error[BAD_USAGE]: --hosted needs a registered sign-out URL\nhint: pass --logout-uri URL (one of the app client's Allowed sign-out URLs, e.g. http://localhost:53682/signed-out) or set it in the profile\n",
    });
    expect(await keychainAccounts()).toContain(`profile:${name}`);
    expect((await runCli(['status', '--profile', name], env)).code).toBe(0);
    await runCli(['logout', '--profile', name, '--local'], env);
  });

  it('with a loopback sign-out URL: the browser lands on the CLI\'s "Signed out" page; the CLI says the session ended', async () => {
    const name = await signedIn();
    const r = await runCli(['logout', '--profile', name, '--hosted', '--logout-uri', SIGN_OUT, '--browser-command', BROWSER], { ...env, BROWSER_ACTION: 'none' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`signed out of profile "${name}": refresh token revoked; keychain entry removed\nended the hosted UI session: the browser came back to ${SIGN_OUT}\n`);
    expect(await keychainAccounts()).not.toContain(`profile:${name}`);
    expect(await isFree(53682)).toBe(true);
  });

  it('no browser opens (--browser-command /bin/false): says so with the URL, and the URL still ends the session when opened by hand', async () => {
    const name = await signedIn();
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(ROOT, 'bin/cognito-inspector.js'), 'logout', '--profile', name, '--hosted', '--logout-uri', SIGN_OUT, '--browser-command', '/bin/false'],
      { env: { ...process.env, ...env } });
    const closed = new Promise((resolve) => child.once('close', resolve));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const url = await new Promise<string>((resolve) => child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /open this URL in a browser on this machine to end the hosted UI session:\n {2}(\S+)\n/.exec(stderr);
      if (m && /waiting for the browser/.test(stderr)) resolve(m[1]!);
    }));
    expect(stderr).toMatch(/^warning\[BROWSER_FAILED\]: the browser command "\/bin\/false" failed \(it exited with status 1\)$/m);
    await promisify(execFile)(process.execPath, [join(ROOT, 'test/support/browser-command.mjs'), url], { env: { ...process.env, BROWSER_ACTION: 'none' } });
    const code = await closed;
    expect(code).toBe(0);
    expect(stdout).not.toContain('opened the hosted UI sign-out');
    expect(stdout).toContain(`ended the hosted UI session: the browser came back to ${SIGN_OUT}\n`);
  });

  it('no browser opens and the sign-out URL is not on this machine: never claims it opened anything', async () => {
    const name = await signedIn();
    const r = await runCli(['logout', '--profile', name, '--hosted', '--logout-uri', 'https://app.example.com/signed-out', '--browser-command', '/bin/false', '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ profile: name, revoked: true, hostedUi: { browserOpened: false } });
    const text = await runCli(['logout', '--profile', name, '--hosted', '--logout-uri', 'https://app.example.com/signed-out', '--browser-command', '/bin/false'], env);
    expect(text.stdout).toMatch(/^the hosted UI session was not ended: no browser opened \(open http:\S+\/logout\?\S+ to end it\)$/m);
    expect(text.stdout).not.toContain('opened the hosted UI sign-out');
  });
});
