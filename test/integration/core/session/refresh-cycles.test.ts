import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { startSessionHarness, tokenPosts, until, type SessionHarness } from '../../../support/session-fixtures.js';

/**
 * Silent refresh with real timers against the emulator: 5-second access and ID tokens, so the
 * manager refreshes about every 2.5 s (half-way, for lifetimes this short), which leaves a loaded
 * machine room to land each refresh before the token it replaces expires.
 */
let h: SessionHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const CYCLES = 10;

describe('silent refresh', () => {
  it(`keeps a session signed in through ${CYCLES} refresh cycles: one token request each, same iss/sub/aud, never a gap`, async () => {
    h = await startSessionHarness({ client: { accessTokenValiditySeconds: 5, idTokenValiditySeconds: 5 }, autoRefresh: true });
    const { manager, profile, e, events } = h;
    const first = manager.snapshot(profile.name);
    const before = tokenPosts(e); // the sign-in's code exchange
    const at: number[] = [];
    manager.subscribe((ev) => void (ev.reason === 'refreshed' && at.push(h?.clock.now() ?? 0)));
    const firstClaims = decodeJwt(first.idToken ?? '');

    const refreshed = () => events.filter((ev) => ev.reason === 'refreshed');
    await until(() => refreshed().length >= CYCLES, CYCLES * 4000 + 5000, `${CYCLES} refreshes`);
    manager.dispose(); // stop the timers before counting, so an 11th cannot slip in
    const cycles = refreshed().slice(0, CYCLES).map((ev) => ev.snapshot);

    expect(tokenPosts(e) - before).toBe(CYCLES);
    // Each refresh landed while the previous access token was still valid, with a new access token.
    let previous = first;
    cycles.forEach((snap, i) => {
      expect(snap.state).toBe('signed-in');
      expect(snap.accessToken).not.toBe(previous.accessToken);
      expect(at[i]).toBeLessThan(previous.accessTokenExpiresAt ?? 0);
      expect(snap.accessTokenExpiresAt).toBeGreaterThan(previous.accessTokenExpiresAt ?? 0);
      previous = snap;
    });
    const pick = (jwt: string | undefined) => {
      const c = decodeJwt(jwt ?? '');
      return { iss: c.iss, sub: c.sub, aud: c.aud };
    };
    expect(cycles.map((s) => pick(s.idToken))).toEqual(Array.from({ length: CYCLES }, () => ({ iss: e.issuer, sub: firstClaims.sub, aud: profile.clientId })));
    // The keychain entry holds the last tokens and the same refresh token (no rotation here).
    const stored = await h.vault.read(profile.name);
    expect({ access: stored?.accessToken, id: stored?.idToken, hasRefresh: Boolean(stored?.refreshToken) }).toEqual({ access: cycles.at(-1)?.accessToken, id: cycles.at(-1)?.idToken, hasRefresh: true });
    console.info(`[figures] ${CYCLES} refresh cycles, ${tokenPosts(e) - before} token requests, keychain: ${h.onKeychain ? 'gnome-keyring' : 'memory'}`);
  });
});
