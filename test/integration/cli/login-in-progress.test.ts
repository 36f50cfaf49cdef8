import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { EMULATOR_CLIENT, errorOf, freshHome, isFree, runCli, startCli } from './support.js';

/**
 * Two `login`s for one profile at once: the second is refused before it opens a browser, so the
 * first cannot be silently replaced; the lock goes away with the first, even when it is killed.
 */
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => emulator?.stop());

const URL_SHOWN = /opening your browser at\n {2}http:\S+\n/;
// /bin/true "opens" the browser and nothing ever signs in: login #1 waits until cancelled.
const loginArgs = () => ['login', '--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT, '--browser-command', '/bin/true', '--timeout', '60'];
const signInLocks = async (home: string) => (await readdir(join(home, 'locks')).catch(() => [])).filter((f) => f.endsWith('.sign-in.lock'));

describe('a second login for the same profile', () => {
  it('is refused at once with LOGIN_IN_PROGRESS; the first is unaffected and leaves no lock', async () => {
    const home = await freshHome();
    const first = startCli(loginArgs(), { home });
    await first.stderrMatching(URL_SHOWN);

    const started = Date.now();
    const second = await runCli(loginArgs(), { home });
    const err = errorOf(second.stderr);
    expect({ exit: second.code, code: err.code, stdout: second.stdout }).toEqual({ exit: 1, code: 'LOGIN_IN_PROGRESS', stdout: '' });
    expect(err.message).toMatch(/^another sign-in for profile "adhoc-\S+" is already in progress$/);
    expect(err.hint).toBe('finish or cancel the other sign-in first (Ctrl-C where `login` runs, or Cancel in the window), then start this one again');
    expect(second.stderr).not.toMatch(/opening your browser/); // refused before any browser or listener
    expect(Date.now() - started).toBeLessThan(10_000);

    expect(first.child.exitCode).toBe(null); // still waiting for its browser
    expect(await isFree(53683)).toBe(true); // the second never listened
    first.child.kill('SIGINT');
    const r = await first.result;
    expect({ exit: r.code, code: errorOf(r.stderr).code }).toEqual({ exit: 1, code: 'LOGIN_CANCELLED' });
    expect(await signInLocks(home)).toEqual([]);

    // With the first gone, a new login starts normally.
    const third = startCli(loginArgs(), { home });
    await third.stderrMatching(URL_SHOWN);
    third.child.kill('SIGINT');
    expect((await third.result).code).toBe(1);
    expect(await signInLocks(home)).toEqual([]);
  });

  it('a killed first login (kill -9) blocks only until its lock goes stale', async () => {
    const home = await freshHome();
    const first = startCli(loginArgs(), { home });
    await first.stderrMatching(URL_SHOWN);
    first.child.kill('SIGKILL');
    await first.result;
    expect(await signInLocks(home)).toHaveLength(1); // left behind by the killed process

    // Retry until the stale lock is taken over (10 s stale); bounded, so a lock kept forever fails.
    const deadline = Date.now() + 30_000;
    let refusedOnce = false;
    for (;;) {
      const next = startCli(loginArgs(), { home });
      const outcome = await Promise.race([next.stderrMatching(URL_SHOWN).then(() => 'started'), next.result.then(() => 'exited')]);
      if (outcome === 'started') {
        next.child.kill('SIGINT');
        expect((await next.result).code).toBe(1);
        break;
      }
      expect(errorOf((await next.result).stderr).code).toBe('LOGIN_IN_PROGRESS');
      refusedOnce = true;
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(refusedOnce).toBe(true); // right after the kill the lock was still fresh
    expect(await signInLocks(home)).toEqual([]);
  }, 60_000);
});
