import { afterEach, describe, expect, it } from 'vitest';
import { startSessionHarness, tokenPosts, type SessionHarness } from '../../../support/session-fixtures.js';

/**
 * Concurrent callers in one process (the window, the credentials keeper and a `call` at once), with
 * the real sign-in engine against the local pool and the keychain: the session manager unit test's
 * single-flight refresh, checked on real parts. Across processes: cli-processes.test.ts.
 */
let h: SessionHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('concurrent callers in one process', () => {
  it('five callers with an expired access token: one refresh request, the same new tokens for all, the refresh token kept', async () => {
    h = await startSessionHarness({ autoRefresh: false });
    const stored = await h.vault.read(h.profile.name);
    h.clock.jump(2 * 60 * 60_000);
    const posts = tokenPosts(h.e);
    const name = h.profile.name;
    const all = await Promise.all(Array.from({ length: 5 }, () => h!.manager.tokens(name)));
    expect(tokenPosts(h.e) - posts).toBe(1);
    expect(new Set(all.map((t) => t.accessToken)).size).toBe(1);
    expect(all[0]?.accessToken).not.toBe(stored?.accessToken);
    const after = await h.vault.read(name);
    // No rotation on this client: the stored refresh token is the one from sign-in.
    expect({ access: after?.accessToken, refresh: after?.refreshToken }).toEqual({ access: all[0]?.accessToken, refresh: stored?.refreshToken });
  });
});
