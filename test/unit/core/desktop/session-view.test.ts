import { describe, expect, it } from 'vitest';
import { createSessionViews } from '../../../../main/core/desktop/session-view.js';
import type { SessionSnapshot } from '../../../../main/core/session/types.js';

const snap = (over: Partial<SessionSnapshot> = {}): SessionSnapshot => ({
  profile: 'p',
  state: 'signed-in',
  accessToken: 'a',
  accessTokenExpiresAt: 5_000,
  hasRefreshToken: true,
  signedInAt: 1_000,
  persisted: true,
  nextRefreshAt: 4_000,
  ...over,
});

describe('session views', () => {
  it('say a refresh token is held, where, and its estimated expiry, never the token', () => {
    const views = createSessionViews({ clock: { now: () => 2_000 }, refreshLifetimeSeconds: () => 3600 });
    expect(views.view(snap())).toEqual({
      profile: 'p',
      state: 'signed-in',
      persisted: true,
      accessToken: 'a',
      accessTokenExpiresAt: 5_000,
      nextRefreshAt: 4_000,
      hasRefreshToken: true,
      refreshTokenStorage: 'keychain',
      signedInAt: 1_000,
      refreshTokenExpiresAbout: 1_000 + 3_600_000,
      rotationSeen: false,
    });
    expect(views.view(snap({ persisted: false }))).toMatchObject({ refreshTokenStorage: 'memory' });
    const unknownLifetime = createSessionViews({ clock: { now: () => 0 }, refreshLifetimeSeconds: () => undefined });
    expect(unknownLifetime.view(snap())).not.toHaveProperty('refreshTokenExpiresAbout');
  });

  it('remember how the last refresh went and whether rotation was seen, until the next sign-in', () => {
    let now = 10_000;
    const views = createSessionViews({ clock: { now: () => now }, refreshLifetimeSeconds: () => undefined });
    views.record({ profile: 'p', snapshot: snap(), reason: 'refreshed' });
    expect(views.view(snap())).toMatchObject({ lastRefresh: { at: 10_000, result: 'refreshed' }, rotationSeen: false });
    now = 20_000;
    views.record({ profile: 'p', snapshot: snap(), reason: 'rotated' });
    expect(views.view(snap())).toMatchObject({ lastRefresh: { at: 20_000, result: 'rotated' }, rotationSeen: true });
    const error = { code: 'NETWORK_UNREACHABLE' as const, message: 'down', hint: 'retrying' };
    views.record({ profile: 'p', snapshot: snap({ error }), reason: 'retrying' });
    expect(views.view(snap())).toMatchObject({ lastRefresh: { at: 20_000, result: 'retrying', error }, rotationSeen: true });
    views.record({ profile: 'p', snapshot: snap(), reason: 'signed-in' });
    const after = views.view(snap());
    expect(after).not.toHaveProperty('lastRefresh');
    expect(after.rotationSeen).toBe(false);
  });
});
