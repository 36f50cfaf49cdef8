import { afterEach, describe, expect, it } from 'vitest';
import { startSessionHarness, tokenPosts, until, type SessionHarness } from '../../../support/session-fixtures.js';

/**
 * The network lost for a while (the TCP proxy between the engine and the emulator closed; the
 * emulator keeps running with its state): the manager retries with backoff, keeps the session and
 * its refresh token, and recovers without a new sign-in once the network returns (wake()).
 */
let h: SessionHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('network loss', () => {
  it('retries with backoff while cut off, keeps the session, and recovers with one request when the network returns', async () => {
    // random 0.5: no jitter, so the backoff steps are exactly 1 s, 2 s, 4 s.
    h = await startSessionHarness({ client: { accessTokenValiditySeconds: 3, idTokenValiditySeconds: 3 }, autoRefresh: true, random: () => 0.5 });
    const { manager, profile, vault, e, proxy } = h;
    const rt = (await vault.read(profile.name))?.refreshToken;
    const signedInAt = manager.snapshot(profile.name).signedInAt;
    await proxy.cut();
    const logDuringCut = e.requestLog.length;
    const retries: Array<{ at: number; state: string; code?: string; hasRefreshToken: boolean }> = [];
    manager.subscribe((ev) => {
      if (ev.reason === 'retrying') retries.push({ at: Date.now(), state: ev.snapshot.state, ...(ev.snapshot.error ? { code: ev.snapshot.error.code } : {}), hasRefreshToken: ev.snapshot.hasRefreshToken });
    });

    await until(() => retries.length >= 3, 15_000, 'three failed refresh attempts');
    expect(retries.map((r) => ({ code: r.code, hasRefreshToken: r.hasRefreshToken }))).toEqual(Array.from({ length: 3 }, () => ({ code: 'NETWORK_UNREACHABLE', hasRefreshToken: true })));
    // Backoff: 1 s, then 2 s between attempts. Each gap also holds a failed attempt's own time, so
    // the bounds tell the steps apart (1 s, 2 s, 4 s) without asking a loaded machine for precision.
    const gaps = [(retries[1]?.at ?? 0) - (retries[0]?.at ?? 0), (retries[2]?.at ?? 0) - (retries[1]?.at ?? 0)];
    expect(gaps[0]).toBeGreaterThanOrEqual(950);
    expect(gaps[0]).toBeLessThan(1900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1950);
    expect(gaps[1]).toBeLessThan(3900);
    // Past the 3 s access token lifetime the session is "expired", not signed out; the refresh token stays.
    expect(retries.at(-1)?.state).toBe('expired');
    expect((await vault.read(profile.name))?.refreshToken).toBe(rt);
    expect(e.requestLog.length).toBe(logDuringCut); // nothing got through

    await proxy.restore();
    const posts = tokenPosts(e);
    const started = Date.now();
    await manager.wake(); // the app's "online" event
    const recoveredIn = Date.now() - started;
    manager.dispose();
    const snap = manager.snapshot(profile.name);
    expect({ state: snap.state, signedInAt: snap.signedInAt, error: snap.error }).toEqual({ state: 'signed-in', signedInAt, error: undefined });
    expect(tokenPosts(e) - posts).toBe(1);
    // No new sign-in: the hosted UI was not visited again.
    expect(e.requestLog.slice(logDuringCut).filter((r) => r.path.includes('/login') || r.path.includes('/authorize'))).toEqual([]);
    // wake() itself made the request (counted above); the bound only rules out having waited for the
    // next backoff step (4 s), with room for a loaded machine.
    expect(recoveredIn).toBeLessThan(4000);
    console.info(`[figures] network loss: ${retries.length} retries at ${gaps.join(' ms, ')} ms gaps; recovered with ${tokenPosts(e) - posts} token request in ${recoveredIn} ms`);
  });
});
