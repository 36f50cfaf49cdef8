import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../../emulator/index.js';
import { createDesktopCore, type DesktopCore } from '../../../../main/core/desktop/desktop-core.js';
import type { SignInWaiting } from '../../../../main/core/ipc/contract.js';
import { systemClock } from '../../../../main/core/ports.js';
import type { BrowserOpener } from '../../../../main/core/ports.js';
import { launchChromium } from '../../../support/browser.js';
import { chromiumOpener } from '../../../support/chromium-opener.js';
import { EMULATOR_CLIENT, errorOf, freshHome, runCli, startCli } from '../../cli/support.js';

/**
 * The window's sign-in and a CLI `login` for one profile share one sign-in lock: while either waits
 * for its browser, the other is refused with LOGIN_IN_PROGRESS (so neither silently replaces the
 * account the other signs in), and the lock is gone once the first ends (cancel, timeout, success).
 */
let emulator: Emulator;
let chromium: Browser;
let home: string;
let core: DesktopCore;
/** What the desktop's browser does: nothing (the person has not signed in yet), or Chromium signing in. */
let opener: BrowserOpener = { open: async () => undefined };
const waiting: SignInWaiting[] = [];
const PROFILE = 'shared';

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  chromium = await launchChromium();
  home = await freshHome();
  expect((await runCli(['profiles', 'add', PROFILE, '--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT], { home })).code).toBe(0);
  core = await createDesktopCore({ home, browser: { open: (url) => opener.open(url) }, clock: systemClock, log: () => undefined, signInTimeoutMs: 60_000 });
  core.onSignInWaiting((w) => waiting.push(w));
});
afterAll(async () => {
  await core?.dispose();
  await chromium?.close();
  await emulator?.stop();
});

const signInLocks = async () => (await readdir(join(home, 'locks')).catch(() => [])).filter((f) => f.endsWith('.sign-in.lock'));
const URL_SHOWN = /opening your browser at\n {2}http:\S+\n/;
const cliLogin = () => ['login', '--profile', PROFILE, '--browser-command', '/bin/true', '--timeout', '60'];
const windowSignIn = () => core.handlers['auth:sign-in']({ profile: PROFILE } as never);
async function waitingFor(n: number): Promise<SignInWaiting> {
  while (waiting.length < n) await new Promise((r) => setTimeout(r, 20));
  return waiting[n - 1]!;
}

describe('one sign-in per profile across the window and the CLI', () => {
  it('window sign-in waiting for its browser + CLI login → the CLI is refused (LOGIN_IN_PROGRESS, exit 1, no listener); after Cancel the CLI can', async () => {
    const before = waiting.length;
    const inWindow = windowSignIn();
    await waitingFor(before + 1);

    const cli = await runCli(cliLogin(), { home });
    expect({ exit: cli.code, stdout: cli.stdout, ...errorOf(cli.stderr) }).toEqual({
      exit: 1, stdout: '', code: 'LOGIN_IN_PROGRESS',
      message: `another sign-in for profile "${PROFILE}" is already in progress`,
      hint: 'finish or cancel the other sign-in first (Ctrl-C where `login` runs, or Cancel in the window), then start this one again',
    });
    expect(cli.stderr).not.toMatch(/opening your browser/);

    expect(await core.handlers['auth:cancel']({ profile: PROFILE } as never)).toEqual({ cancelled: true });
    await expect(inWindow).rejects.toMatchObject({ code: 'LOGIN_CANCELLED' });
    expect(await signInLocks()).toEqual([]);

    const again = startCli(cliLogin(), { home });
    await again.stderrMatching(URL_SHOWN);
    again.child.kill('SIGINT');
    expect(errorOf((await again.result).stderr).code).toBe('LOGIN_CANCELLED');
  }, 60_000);

  it('CLI login waiting for its browser + window sign-in → the window is refused (LOGIN_IN_PROGRESS) without opening anything; after Ctrl-C the window signs in', async () => {
    const cli = startCli(cliLogin(), { home });
    await cli.stderrMatching(URL_SHOWN);
    const before = waiting.length;
    const stateBefore = (await core.handlers['session:get']({ profile: PROFILE } as never)).state;
    const opened: string[] = [];
    opener = { open: async (url) => void opened.push(url) };

    await expect(windowSignIn()).rejects.toMatchObject({ code: 'LOGIN_IN_PROGRESS', message: `another sign-in for profile "${PROFILE}" is already in progress` });
    expect([waiting.length - before, opened, (await core.handlers['session:get']({ profile: PROFILE } as never)).state]).toEqual([0, [], stateBefore]);
    expect(cli.child.exitCode).toBe(null); // the CLI's sign-in goes on

    cli.child.kill('SIGINT');
    expect(errorOf((await cli.result).stderr).code).toBe('LOGIN_CANCELLED');
    expect(await signInLocks()).toEqual([]);

    // The person now signs in through the window (real Chromium on the emulator's hosted UI).
    opener = chromiumOpener(chromium);
    expect((await windowSignIn()).state).toBe('signed-in');
    expect(await signInLocks()).toEqual([]);
    await core.handlers['auth:sign-out']({ profile: PROFILE } as never);
  }, 60_000);
});
