import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, startSessionHarness, tokenPosts, type HarnessOptions, type SessionHarness } from '../../../support/session-fixtures.js';

/**
 * Signing out while a refresh is in flight, in this process (the app's background timer) or in
 * another one (the CLI's logout while the app refreshes): the user must end signed out, with no
 * keychain entry written back afterwards, and the newest refresh token revoked.
 */
let h: SessionHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Holds each refresh answer for `ms` after the server issued it, and says when one was issued. */
function slowRefreshAnswers(ms: number): { opts: HarnessOptions; answered: () => Promise<void> } {
  let signal!: () => void;
  let answered = new Promise<void>((r) => (signal = r));
  return {
    opts: {
      afterTokenRequest: async (form) => {
        if (form.get('grant_type') !== 'refresh_token') return;
        signal();
        await new Promise((r) => setTimeout(r, ms));
      },
    },
    answered: () => answered.then(() => void (answered = new Promise<void>((r) => (signal = r)))),
  };
}

const refreshDirect = (h: SessionHarness, token: string) =>
  fetch(`${h.e.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: DEMO_CLIENT_ID, refresh_token: token }),
  });

describe('sign-out during a refresh', () => {
  it('in the same manager: signed out, entry not written back, no refresh timer left, the session revoked', async () => {
    const slow = slowRefreshAnswers(400);
    h = await startSessionHarness({ autoRefresh: true, ...slow.opts });
    const { manager, profile, vault, e } = h;
    const family = String(decodeJwt(manager.snapshot(profile.name).idToken ?? '').origin_jti); // shared by every token of this sign-in
    const refreshing = manager.refresh(profile.name).catch((err: unknown) => err);
    await slow.answered();
    const out = await manager.signOut(profile.name);
    // Everything the refresh does (save, state, timer) happens before its promise settles: once it
    // has, there is nothing left to wait for.
    await refreshing;
    const snap = manager.snapshot(profile.name);
    expect({ revoked: out.revoked, stored: await vault.read(profile.name), state: snap.state, hasRefreshToken: snap.hasRefreshToken, nextRefreshAt: snap.nextRefreshAt }).toEqual({
      revoked: true, stored: null, state: 'signed-out', hasRefreshToken: false, nextRefreshAt: undefined,
    });
    expect(e.isRevoked(family)).toBe(true);
  });

  it('in another process (shared lock and keychain), with rotation: signed out, entry not written back, the rotated token revoked', async () => {
    const slow = slowRefreshAnswers(400);
    h = await startSessionHarness({ client: { refreshTokenRotation: { enabled: true, gracePeriodSeconds: 0 } }, ...slow.opts });
    const { manager: app, profile, vault } = h;
    const cli = h.newManager();
    const refreshing = app.refresh(profile.name).catch((err: unknown) => err);
    await slow.answered();
    const out = await cli.signOut(profile.name);
    const refreshed = (await refreshing) as { refreshToken?: string };
    expect({ revoked: out.revoked, stored: await vault.read(profile.name) }).toEqual({ revoked: true, stored: null });
    // The token the app's refresh obtained is dead too, so nothing can resurrect the session.
    const posts = tokenPosts(h.e);
    const res = await refreshDirect(h, refreshed.refreshToken ?? '');
    expect([tokenPosts(h.e) - posts, res.status]).toEqual([1, 400]);
  });
});
