import { afterEach, describe, expect, it } from 'vitest';
import { startSessionHarness, tokenPosts, type SessionHarness } from '../../../support/session-fixtures.js';

/**
 * Sleep and resume: timers do not run while the machine sleeps, so the clock jumps. The manager,
 * the sign-in engine and the emulator share a clock the test jumps forward; wake() (the app's
 * powerMonitor "resume") must refresh at once when due, and not otherwise. One-hour tokens:
 * refresh is due 48 min in (80% of the lifetime).
 */
let h: SessionHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const MIN = 60_000;
const cases = [
  { asleep: '10 min (not due)', slept: 10 * MIN, requests: 0, state: 'signed-in' },
  { asleep: '50 min (due, still valid)', slept: 50 * MIN, requests: 1, state: 'signed-in' },
  { asleep: '3 h (expired)', slept: 3 * 60 * MIN, requests: 1, state: 'signed-in' },
];

describe('sleep and resume', () => {
  it.each(cases)('asleep $asleep: wake() makes $requests token request(s)', async ({ slept, requests, state }) => {
    h = await startSessionHarness({ autoRefresh: true });
    const { manager, profile, e, clock } = h;
    const before = manager.snapshot(profile.name);
    const posts = tokenPosts(e);
    // Every refresh start is recorded with whether wake() was running: a timer that noticed the
    // jump by itself would show up as a start outside wake(), without the test waiting for it.
    let waking = false;
    const starts: boolean[] = [];
    manager.subscribe((ev) => {
      if (ev.reason === 'refresh-started') starts.push(waking);
    });
    clock.jump(slept);
    expect(before.nextRefreshAt).toEqual(expect.any(Number));
    expect(manager.snapshot(profile.name).nextRefreshAt).toBe(before.nextRefreshAt); // the timer armed before the sleep, still pending
    waking = true;
    await manager.wake();
    waking = false;
    const after = manager.snapshot(profile.name);
    expect({ requests: tokenPosts(e) - posts, state: after.state, starts }).toEqual({ requests, state, starts: Array<boolean>(requests).fill(true) });
    if (requests > 0) {
      expect(after.accessToken).not.toBe(before.accessToken);
      // a fresh hour from the jumped clock (the emulator's and the engine's)
      expect(Math.abs((after.accessTokenExpiresAt ?? 0) - (clock.now() + 3600_000))).toBeLessThan(2000);
    } else {
      expect(after.accessToken).toBe(before.accessToken);
    }
  });
});
