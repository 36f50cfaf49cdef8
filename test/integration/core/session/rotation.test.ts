import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, startSessionHarness, tokenPosts, type SessionHarness } from '../../../support/session-fixtures.js';

/**
 * Refresh-token rotation through the session manager and the (real, when the run has one)
 * keychain: the rotated token is in the keychain before any request uses it; the old one works
 * for the grace period only; without rotation the refresh token never changes.
 */
let h: SessionHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const GRACE_S = 5;
const refreshDirect = (h: SessionHarness, token: string) =>
  fetch(`${h.e.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: DEMO_CLIENT_ID, refresh_token: token }),
  });

describe('refresh-token rotation', () => {
  it(`with rotation (grace ${GRACE_S} s): the new token is stored before use; the old one works within the grace period only`, async () => {
    // Every refresh request must carry the refresh token the keychain holds at that moment.
    const mismatches: string[] = [];
    let harness: SessionHarness | undefined;
    h = harness = await startSessionHarness({
      client: { refreshTokenRotation: { enabled: true, gracePeriodSeconds: GRACE_S } },
      onTokenRequest: async (form) => {
        if (form.get('grant_type') !== 'refresh_token' || !harness) return;
        const stored = (await harness.vault.read(harness.profile.name))?.refreshToken;
        if (stored !== form.get('refresh_token')) mismatches.push(`request used a token the keychain does not hold`);
      },
    });
    const { manager, profile, vault, events } = h;
    const r0 = (await vault.read(profile.name))?.refreshToken ?? '';

    await manager.refresh(profile.name);
    const r1 = (await vault.read(profile.name))?.refreshToken ?? '';
    expect([r1 !== r0, r1.length > 0, events.at(-1)?.reason]).toEqual([true, true, 'rotated']);

    // A second refresh, from another manager restoring from the keychain (another process), uses r1.
    const other = h.newManager();
    await other.restore(profile.name); // valid: no request
    await other.refresh(profile.name);
    const r2 = (await vault.read(profile.name))?.refreshToken ?? '';
    expect(new Set([r0, r1, r2]).size).toBe(3);
    expect(mismatches).toEqual([]);

    // Out of band: r0 within the grace period works, after it not; the stored token still does.
    expect((await refreshDirect(h, r0)).status).toBe(200);
    h.clock.jump((GRACE_S + 1) * 1000);
    const late = await refreshDirect(h, r0);
    expect([late.status, await late.json()]).toEqual([400, { error: 'invalid_grant' }]);
    const before = tokenPosts(h.e);
    const next = h.newManager();
    await next.restore(profile.name);
    await next.refresh(profile.name);
    expect([next.snapshot(profile.name).state, tokenPosts(h.e) - before]).toEqual(['signed-in', 1]);
  });

  it('without rotation: the same refresh token stays in the keychain across refreshes', async () => {
    h = await startSessionHarness({ client: { refreshTokenRotation: { enabled: false, gracePeriodSeconds: 0 } } });
    const { manager, profile, vault, events } = h;
    const r0 = (await vault.read(profile.name))?.refreshToken;
    const access = new Set<string>();
    for (let i = 0; i < 3; i++) access.add((await manager.refresh(profile.name)).accessToken);
    expect(access.size).toBe(3);
    expect((await vault.read(profile.name))?.refreshToken).toBe(r0);
    expect(events.filter((e) => e.reason === 'refreshed' || e.reason === 'rotated').map((e) => e.reason)).toEqual(['refreshed', 'refreshed', 'refreshed']);
  });
});
