import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { EMULATOR_CLIENT, BROWSER, ROOT, errorOf, freshHome, isFree, keychainAccounts, occupy, runCli, savedProfiles, startCli, uniqueName, type RunningCli } from './support.js';

/**
 * The loopback listener seen from outside the CLI process: fixed ports 53682 then 53683, two
 * logins at once, busy ports, Ctrl-C, timeout, --no-browser, IPv6 localhost, forged callbacks,
 * and no listener on a non-loopback address. Tests here run one after another (fixed ports).
 */
let emulator: Emulator;
let home: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  home = await freshHome();
});
afterAll(async () => emulator?.stop());

const flags = () => ['--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT];
const START_URL = /open this URL in a browser that can reach this machine:\n {2}(http:\/\/localhost:\d+\/start\/[\w-]{22,})\n/;

/** Starts `login --no-browser` and resolves with the (random, single-use) start URL it prints. */
async function waitingLogin(args: string[], env?: Record<string, string>): Promise<{ cli: RunningCli; startUrl: string }> {
  const cli = startCli(['login', ...args, '--no-browser', '--timeout', '60'], { home, ...(env ? { env } : {}) });
  const stderr = await cli.stderrMatching(START_URL);
  return { cli, startUrl: START_URL.exec(stderr)![1]! };
}

/** The real browser (Chromium) on a URL, as the user would open the printed one. */
const browse = (url: string, env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, [join(ROOT, 'test/support/browser-command.mjs'), url], { env: { ...process.env, ...env } });

const location = async (url: string) => {
  const res = await fetch(url, { redirect: 'manual' });
  await res.body?.cancel();
  return { status: res.status, location: res.headers.get('location') };
};

describe('the loopback listener through the CLI', () => {
  it('--no-browser prints a random local URL that redirects to the authorize URL (PKCE S256, state, nonce); localhost over ::1 works too', async () => {
    const { cli, startUrl } = await waitingLogin(flags());
    try {
      expect(startUrl).toMatch(/^http:\/\/localhost:53682\/start\/[\w-]{22}$/);
      // The fixed root says nothing: only the printed URL leads to the sign-in.
      expect(await location('http://127.0.0.1:53682/')).toEqual({ status: 404, location: null });
      const v6 = await location(startUrl.replace('localhost', '[::1]'));
      expect(v6.status).toBe(302);
      const authorize = new URL(v6.location!);
      expect(authorize.origin + authorize.pathname).toBe(`${emulator.url}/oauth2/authorize`);
      expect(Object.fromEntries(authorize.searchParams)).toEqual({
        client_id: EMULATOR_CLIENT, response_type: 'code', redirect_uri: 'http://localhost:53682/callback', scope: 'openid email profile',
        state: expect.stringMatching(/^[\w-]{20,}$/), nonce: expect.stringMatching(/^[\w-]{20,}$/),
        code_challenge: expect.stringMatching(/^[\w-]{43}$/), code_challenge_method: 'S256',
      });
    } finally {
      cli.child.kill('SIGTERM');
      await cli.result;
    }
  });

  it('refuses forged callbacks (without the browser\'s cookie, POST, other paths), then accepts the real one from the printed URL', async () => {
    const { cli, startUrl } = await waitingLogin(flags());
    expect((await fetch('http://localhost:53682/callback?code=forged&state=forged')).status).toBe(403);
    expect((await fetch('http://localhost:53682/callback?code=forged&state=forged', { method: 'POST' })).status).toBe(404);
    expect((await fetch('http://localhost:53682/callback/other')).status).toBe(404);
    await browse(startUrl);
    const r = await cli.result;
    expect(r.stderr).not.toMatch(/error\[/);
    expect(r.code).toBe(0);
  });

  it('is not reachable on a non-loopback address of this machine', async (ctx) => {
    const external = Object.values(networkInterfaces()).flat().find((a) => a && !a.internal && a.family === 'IPv4')?.address;
    if (!external) return ctx.skip();
    const { cli } = await waitingLogin(flags());
    try {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: external, port: 53682 });
        socket.once('connect', () => { socket.destroy(); resolve('connected'); });
        socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      });
      expect(outcome).toBe('ECONNREFUSED');
    } finally {
      cli.child.kill('SIGTERM');
      await cli.result;
    }
  });

  it('two logins at once on two profiles: the second gets 53683, both sign in with their own user', async () => {
    const [a, b] = [uniqueName('two-a'), uniqueName('two-b')];
    for (const name of [a, b]) expect((await runCli(['profiles', 'add', name, ...flags()], { home })).code).toBe(0);
    const first = await waitingLogin(['--profile', a]);
    const second = await waitingLogin(['--profile', b]);
    expect([first.startUrl, second.startUrl]).toEqual([expect.stringMatching(/^http:\/\/localhost:53682\/start\//), expect.stringMatching(/^http:\/\/localhost:53683\/start\//)]);
    await Promise.all([browse(first.startUrl, { BROWSER_USER: 'alice' }), browse(second.startUrl, { BROWSER_USER: 'bob' })]);
    const results = await Promise.all([first.cli.result, second.cli.result]);
    expect(results.map((r) => [r.code, r.stdout.split('\n')[0]])).toEqual([[0, `signed in with profile "${a}"`], [0, `signed in with profile "${b}"`]]);
    const users = await Promise.all([a, b].map(async (name) => decodeJwt((await runCli(['token', '-p', name], { home })).stdout.trim())['cognito:username']));
    expect(users).toEqual(['alice', 'bob']);
    expect(await keychainAccounts()).toEqual(expect.arrayContaining([`profile:${a}`, `profile:${b}`]));
    for (const name of [a, b]) await runCli(['logout', '-p', name, '--local'], { home });
  });

  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::1, where a foreign listener would get our callback', '::1'],
  ])('first port busy on %s: login uses 53683 and succeeds', async (_label, host) => {
    const busy = await occupy(53682, host);
    try {
      const r = await runCli(['login', ...flags(), '--browser-command', BROWSER, '--timeout', '60'], { home });
      expect(r.stderr).toMatch(/^opening your browser at\n {2}http:\/\/localhost:53683\/start\/[\w-]{22}\n/m);
      expect(r.stderr).not.toMatch(/error\[/);
      expect(r.code).toBe(0);
    } finally {
      await busy.release();
    }
    expect((await runCli(['logout', ...flags(), '--local'], { home })).code).toBe(0);
  });

  it('both ports busy: PORT_IN_USE naming them, exit 1, nothing stored', async () => {
    const ownHome = await freshHome();
    const busy = [await occupy(53682), await occupy(53683)];
    try {
      const r = await runCli(['login', ...flags(), '--browser-command', BROWSER], { home: ownHome });
      expect({ exit: r.code, stdout: r.stdout, ...errorOf(r.stderr) }).toEqual({
        exit: 1, stdout: '', code: 'PORT_IN_USE', message: 'The redirect ports 53682, 53683 are in use.',
        hint: "Close the program using them (another sign-in?), or register another http://localhost:PORT/callback in the app client's Allowed callback URLs and add it to the profile's redirect URIs.",
      });
      expect(await savedProfiles(ownHome)).toEqual({});
    } finally {
      for (const b of busy) await b.release();
    }
  });

  it('Ctrl-C while waiting: LOGIN_CANCELLED, exit 1, the port is freed at once, nothing stored', async () => {
    const ownHome = await freshHome();
    // A short --timeout bounds how long the process lingers after the cancel (see the next test).
    const cli = startCli(['login', ...flags(), '--no-browser', '--timeout', '6'], { home: ownHome });
    await cli.stderrMatching(START_URL);
    cli.child.kill('SIGINT');
    await cli.stderrMatching(/error\[LOGIN_CANCELLED\]/);
    expect(await isFree(53682)).toBe(true);
    const r = await cli.result;
    expect({ exit: r.code, stdout: r.stdout, ...errorOf(r.stderr) }).toEqual({
      exit: 1, stdout: '', code: 'LOGIN_CANCELLED', message: 'The sign-in was cancelled.', hint: 'Start the sign-in again when ready.',
    });
    expect(await savedProfiles(ownHome)).toEqual({});
  });

  // A cancelled login must not wait out its --timeout (race() clears its timer on abort).
  it('Ctrl-C ends the process promptly, whatever the --timeout', async () => {
    const cli = startCli(['login', ...flags(), '--no-browser', '--timeout', '8'], { home: await freshHome() });
    await cli.stderrMatching(START_URL);
    const sent = Date.now();
    cli.child.kill('SIGINT');
    const r = await cli.result;
    expect({ exit: r.code, code: errorOf(r.stderr).code, within3s: Date.now() - sent < 3000 }).toEqual({ exit: 1, code: 'LOGIN_CANCELLED', within3s: true });
  });

  it('--timeout 2 with --no-browser: LOGIN_TIMEOUT, exit 1, the port is free again', async () => {
    const ownHome = await freshHome();
    const started = Date.now();
    const r = await runCli(['login', ...flags(), '--no-browser', '--timeout', '2'], { home: ownHome });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect({ exit: r.code, stdout: r.stdout, code: errorOf(r.stderr).code }).toEqual({ exit: 1, stdout: '', code: 'LOGIN_TIMEOUT' });
    expect(errorOf(r.stderr).message).toMatch(/^No sign-in response arrived within 2 s\b/);
    expect(await isFree(53682)).toBe(true);
    expect(await savedProfiles(ownHome)).toEqual({});
  });
});
