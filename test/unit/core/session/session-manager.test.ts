import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors/app-error.js';
import { memoryProfileLock } from '../../../../main/core/session/file-lock.js';
import type { AuthOps, SessionPersistence, TokenResponse } from '../../../../main/core/session/ports.js';
import { createSessionManager } from '../../../../main/core/session/session-manager.js';
import type { SessionTokens } from '../../../../main/core/session/types.js';

// Unit level: the protocol is replaced at the AuthOps port by a scripted stand-in; the real
// protocol against the local pool is covered by the integration tests.
function setup(opts: { refresh?: (rt: string) => Promise<TokenResponse> } = {}) {
  let now = 1_000_000;
  const clock = { now: () => now };
  const stored = new Map<string, SessionTokens>();
  const writes: SessionTokens[] = [];
  const persistence: SessionPersistence = {
    persisted: true,
    load: async (p) => stored.get(p) ?? null,
    save: async (p, t) => {
      writes.push(t);
      stored.set(p, t);
    },
    clear: async (p) => void stored.delete(p),
  };
  const calls: string[] = [];
  const auth: AuthOps = {
    signIn: async () => {
      calls.push('signIn');
      return { accessToken: 'a1', idToken: 'i1', refreshToken: 'r1', expiresAt: now + 3600_000 };
    },
    refresh: async (_p, rt) => {
      calls.push(`refresh:${rt}`);
      return opts.refresh ? opts.refresh(rt) : { accessToken: `a-${calls.length}`, idToken: 'i2', expiresAt: now + 3600_000 };
    },
    revoke: async (_p, rt) => void calls.push(`revoke:${rt}`),
  };
  const manager = createSessionManager({ persistence, auth, clock, lock: memoryProfileLock() });
  return { manager, stored, writes, calls, advance: (ms: number) => (now += ms), clock };
}

describe('session manager', () => {
  it('signs in, stores the tokens, and serves them without a request while valid', async () => {
    const s = setup();
    const snap = await s.manager.signIn('p');
    expect(snap.state).toBe('signed-in');
    expect(snap).not.toHaveProperty('refreshToken');
    expect(s.stored.get('p')?.refreshToken).toBe('r1');
    expect((await s.manager.tokens('p')).accessToken).toBe('a1');
    expect(s.calls).toEqual(['signIn']);
  });

  it('restores from storage with no request while the cached tokens are valid', async () => {
    const s = setup();
    s.stored.set('p', { accessToken: 'cached', refreshToken: 'r', expiresAt: s.clock.now() + 3600_000, issuedAt: s.clock.now(), signedInAt: s.clock.now() });
    expect((await s.manager.restore('p')).state).toBe('signed-in');
    expect(s.calls).toEqual([]);
  });

  it('refreshes once for concurrent callers and keeps the refresh token when none is returned', async () => {
    const s = setup();
    await s.manager.signIn('p');
    s.advance(3600_000);
    const [a, b] = await Promise.all([s.manager.tokens('p'), s.manager.tokens('p')]);
    expect(a).toBe(b);
    expect(s.calls).toEqual(['signIn', 'refresh:r1']);
    expect(s.stored.get('p')?.refreshToken).toBe('r1');
  });

  it('stores a rotated refresh token, and uses it next time', async () => {
    let n = 0;
    const s = setup({ refresh: async () => ({ accessToken: `a${++n}`, refreshToken: `rot${n}`, expiresAt: s.clock.now() + 1000 }) });
    await s.manager.signIn('p');
    s.advance(3600_000);
    await s.manager.tokens('p');
    expect(s.stored.get('p')?.refreshToken).toBe('rot1');
    s.advance(5000);
    await s.manager.tokens('p');
    expect(s.calls).toEqual(['signIn', 'refresh:r1', 'refresh:rot1']);
  });

  it('on invalid_grant signs out and removes the stored entry', async () => {
    const s = setup({ refresh: async () => Promise.reject(new AppError('INVALID_GRANT', 'revoked', 'sign in')) });
    await s.manager.signIn('p');
    s.advance(3600_000);
    await expect(s.manager.tokens('p')).rejects.toMatchObject({ code: 'SESSION_EXPIRED', hint: 'sign in again: cognito-inspector login --profile p' });
    expect(s.manager.snapshot('p')).toMatchObject({ state: 'signed-out', error: { code: 'SESSION_EXPIRED' } });
    expect(s.stored.has('p')).toBe(false);
  });

  it('on a network failure keeps the session and its refresh token', async () => {
    const s = setup({ refresh: async () => Promise.reject(new AppError('NETWORK_UNREACHABLE', 'down', 'retry')) });
    await s.manager.signIn('p');
    s.advance(3600_000);
    await expect(s.manager.tokens('p')).rejects.toMatchObject({ code: 'NETWORK_UNREACHABLE' });
    expect(s.manager.snapshot('p').state).toBe('expired');
    expect(s.stored.get('p')?.refreshToken).toBe('r1');
  });

  it('adopts tokens another process stored instead of refreshing again', async () => {
    const s = setup();
    await s.manager.signIn('p');
    s.advance(3600_000);
    s.stored.set('p', { accessToken: 'from-other-process', refreshToken: 'r1', expiresAt: s.clock.now() + 3600_000, issuedAt: s.clock.now(), signedInAt: 0 });
    expect((await s.manager.tokens('p')).accessToken).toBe('from-other-process');
    expect(s.calls).toEqual(['signIn']);
  });

  it('signs out: revokes, clears storage, and reports signed-out', async () => {
    const s = setup();
    await s.manager.signIn('p');
    expect(await s.manager.signOut('p')).toEqual({ revoked: true });
    expect(s.calls).toEqual(['signIn', 'revoke:r1']);
    expect(s.stored.has('p')).toBe(false);
    expect(s.manager.snapshot('p').state).toBe('signed-out');
  });
});
