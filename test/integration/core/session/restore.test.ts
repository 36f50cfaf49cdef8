import { afterEach, describe, expect, it } from 'vitest';
import { startSessionHarness, tokenPosts, type SessionHarness } from '../../../support/session-fixtures.js';

/**
 * Restore on start (a new app process): from the keychain entry, no request while the cached
 * tokens are valid and not yet due, exactly one refresh request otherwise.
 */
let h: SessionHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const MIN = 60_000;
const cases = [
  { name: 'valid cached tokens', later: 5 * MIN, requests: 0, reasons: ['restored'] },
  { name: 'valid but due for refresh', later: 55 * MIN, requests: 1, reasons: ['restored', 'refresh-started', 'refreshed'] },
  { name: 'an expired access token', later: 2 * 60 * MIN, requests: 1, reasons: ['restored-expired', 'refresh-started', 'refreshed'] },
];

describe('restore on start', () => {
  it.each(cases)('$name: $requests request(s)', async ({ later, requests, reasons }) => {
    h = await startSessionHarness();
    const stored = await h.vault.read(h.profile.name);
    h.clock.jump(later);
    const log = h.e.requestLog.length;
    const posts = tokenPosts(h.e);
    const next = h.newManager({ autoRefresh: true });
    const seen: string[] = [];
    next.subscribe((ev) => seen.push(ev.reason));
    const snap = await next.restore(h.profile.name);
    next.dispose();
    expect({ state: snap.state, requests: tokenPosts(h.e) - posts, reasons: seen }).toEqual({ state: 'signed-in', requests, reasons });
    if (requests === 0) {
      expect(h.e.requestLog.length).toBe(log); // not even discovery
      expect(snap.accessToken).toBe(stored?.accessToken);
    } else {
      expect(snap.accessTokenExpiresAt).toBeGreaterThan(h.clock.now() + 59 * MIN);
    }
  });
});
