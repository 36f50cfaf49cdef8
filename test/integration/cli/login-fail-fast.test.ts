import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { adHocProfileName } from '../../../main/core/profiles/ad-hoc.js';
import { BROWSER, browsersGone, EMULATOR_CLIENT, errorOf, freshHome, isFree, keychainAccounts, runCli, savedProfiles, startCli } from './support.js';

/**
 * What a newcomer meets when the app client is wrong or no browser opens: the CLI says so within
 * seconds (not after the 5-minute default timeout), with the code and the hint, and leaves nothing.
 */
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => emulator?.stop());

async function nothingLeft(home: string, issuer: string, clientId: string): Promise<void> {
  expect(await savedProfiles(home)).toEqual({});
  expect(await keychainAccounts()).not.toContain(`profile:${adHocProfileName(issuer, clientId)}`);
  expect(await isFree(53682)).toBe(true);
}

describe('a refused sign-in fails at once (default --timeout, real Chromium)', () => {
  it.each([
    {
      name: 'a redirect URI the client lacks → REDIRECT_MISMATCH (Cognito shows it on its /error page)',
      clientId: EMULATOR_CLIENT,
      more: ['--redirect-uri', 'http://localhost:53682/not-registered'],
      code: 'REDIRECT_MISMATCH',
      hint: "Add http://localhost:53682/not-registered to the app client's Allowed callback URLs (exact match: scheme, host, port, path and trailing slash).",
    },
    {
      name: 'a client id the pool does not have → INVALID_CLIENT (the browser shows invalid_request)',
      clientId: 'nosuchclient000000000000',
      more: [],
      code: 'INVALID_CLIENT',
      hint: '', // filled below: names the issuer
    },
  ])('$name', async (c) => {
    const home = await freshHome();
    const started = Date.now();
    const r = await runCli(['login', '--issuer', emulator.issuer, '--client-id', c.clientId, '--browser-command', BROWSER, ...c.more], { home });
    const elapsed = Date.now() - started;
    const err = errorOf(r.stderr);
    const hint = c.hint || `Check the client id (--client-id) against the user pool's App clients list, and that the issuer names the pool it belongs to (${emulator.issuer}).`;
    expect({ exit: r.code, code: err.code, hint: err.hint, stdout: r.stdout }).toEqual({ exit: 1, code: c.code, hint, stdout: '' });
    expect(elapsed).toBeLessThan(10_000); // the default timeout is 300 s; the probe answers in one round trip
    await nothingLeft(home, emulator.issuer, c.clientId);
    await browsersGone(home);
  });
});

describe('no browser opened, and the CLI says so at once', () => {
  it('--browser-command /bin/false: the URL with "open this URL in a browser on this machine", and that URL signs in', async () => {
    const home = await freshHome();
    const cli = startCli(['login', '--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT, '--browser-command', '/bin/false', '--timeout', '60'], { home });
    const said = await cli.stderrMatching(/open this URL in a browser on this machine:\n {2}(http:\S+)\n/);
    expect(said).toMatch(/^warning\[BROWSER_FAILED\]: the browser command "\/bin\/false" failed \(it exited with status 1\)$/m);
    expect(said).toMatch(/^hint: pass --browser-command CMD to use another browser; over SSH use --no-browser$/m);
    expect(said).not.toMatch(/\.;/);
    // The person opens the printed URL themselves (here: real Chromium) and the sign-in completes.
    const url = /open this URL in a browser on this machine:\n {2}(http:\S+)\n/.exec(said)![1]!;
    const { spawn } = await import('node:child_process');
    const [cmd, script] = BROWSER.split(' ') as [string, string];
    const browser = spawn(cmd, [script, url], { stdio: 'ignore' });
    const r = await cli.result;
    await new Promise((done) => browser.once('close', done));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^signed in with profile "adhoc-/m);
    const out = await runCli(['logout', '--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT], { home });
    expect(out.code).toBe(0);
  });

  it('no desktop (xdg-open exits 3): the warning names xdg-open and the URL, while still waiting', async () => {
    const home = await freshHome();
    const cli = startCli(['login', '--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT, '--timeout', '60'],
      { home, env: { DISPLAY: undefined, WAYLAND_DISPLAY: undefined, BROWSER: undefined } });
    const said = await cli.stderrMatching(/open this URL in a browser on this machine:\n {2}http:\S+\n/);
    expect(said).toMatch(/^warning\[BROWSER_FAILED\]: the system browser could not be started \(xdg-open: it exited with status 3\)$/m);
    expect(cli.child.exitCode).toBe(null); // still waiting for the person
    cli.child.kill('SIGINT');
    const r = await cli.result;
    expect({ exit: r.code, code: errorOf(r.stderr).code }).toEqual({ exit: 1, code: 'LOGIN_CANCELLED' });
    await nothingLeft(home, emulator.issuer, EMULATOR_CLIENT);
  });
});
