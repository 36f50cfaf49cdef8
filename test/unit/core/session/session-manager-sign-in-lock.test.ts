import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors/app-error.js';
import { memoryProfileLock } from '../../../../main/core/session/file-lock.js';
import type { AuthOps, SignInRequest, TokenResponse } from '../../../../main/core/session/ports.js';
import { createSessionManager } from '../../../../main/core/session/session-manager.js';
import { fileSignInLock, takeSignInLock } from '../../../../main/core/session/sign-in-lock.js';

/**
 * The session manager's sign-in takes the per-profile sign-in lock (a real lock directory in a
 * temporary home, the one `login` and the window share) and releases it however the sign-in ends.
 * The protocol is a scripted stand-in at the AuthOps port; each sign-in waits until the test ends it.
 */
type Ending = (r: SignInRequest) => Promise<TokenResponse>;

async function setup() {
  const home = await mkdtemp(join(tmpdir(), 'ci-sign-in-lock-'));
  const pending: Array<{ request: SignInRequest; end(ending: Ending): void }> = [];
  const auth: AuthOps = {
    signIn: (_p, request) => new Promise<TokenResponse>((resolve, reject) => {
      const end = (ending: Ending) => void ending(request).then(resolve, reject);
      // The real engine rejects with LOGIN_CANCELLED when its signal aborts.
      request.signal?.addEventListener('abort', () => reject(new AppError('LOGIN_CANCELLED', 'The sign-in was cancelled.', 'Start the sign-in again when ready.')), { once: true });
      pending.push({ request, end });
    }),
    refresh: async () => { throw new Error('not used'); },
    revoke: async () => undefined,
  };
  const stored = new Map<string, unknown>();
  const manager = createSessionManager({
    persistence: { persisted: true, load: async () => null, save: async (p, t) => void stored.set(p, t), clear: async (p) => void stored.delete(p) },
    auth, clock: { now: () => Date.now() }, lock: memoryProfileLock(), signInLock: fileSignInLock(home),
  });
  const locks = async () => (await readdir(join(home, 'locks')).catch(() => [])).filter((f) => f.endsWith('.sign-in.lock'));
  /** Waits until the stand-in has been asked for its n-th sign-in (the lock is held by then). */
  const started = async (n: number) => {
    while (pending.length < n) await new Promise((r) => setTimeout(r, 5));
    return pending[n - 1]!;
  };
  return { home, manager, locks, started, pending, stored };
}

const tokens = async (): Promise<TokenResponse> => ({ accessToken: 'a', idToken: 'i', refreshToken: 'r', expiresAt: Date.now() + 3600_000 });

describe('session manager sign-in and the sign-in lock', () => {
  it.each<[string, (s: Awaited<ReturnType<typeof setup>>, end: (e: Ending) => void) => void, string | undefined]>([
    ['success', (_s, end) => end(tokens), undefined],
    ['an error from the provider', (_s, end) => end(async () => { throw new AppError('INVALID_SCOPE', 'bad scope', 'fix it'); }), 'INVALID_SCOPE'],
    ['a timeout', (_s, end) => end(async () => { throw new AppError('LOGIN_TIMEOUT', 'timed out', 'again'); }), 'LOGIN_TIMEOUT'],
    ['cancel (the window\'s Cancel)', (s) => void s.manager.cancelSignIn('p'), 'LOGIN_CANCELLED'],
  ])('holds the lock while waiting and releases it on %s', async (_label, finish, code) => {
    const s = await setup();
    const signIn = s.manager.signIn('p');
    const { end } = await s.started(1);
    expect(await s.locks()).toEqual(['p.sign-in.lock']);
    // meanwhile another process (a CLI login) is refused
    await expect(takeSignInLock(s.home, 'p')).rejects.toMatchObject({ code: 'LOGIN_IN_PROGRESS' });
    finish(s, end);
    if (code) await expect(signIn).rejects.toMatchObject({ code });
    else expect((await signIn).state).toBe('signed-in');
    expect(await s.locks()).toEqual([]);
    await (await takeSignInLock(s.home, 'p'))(); // free for the next one
  });

  it('a sign-in elsewhere holds the lock: refused with LOGIN_IN_PROGRESS before the protocol starts, state unchanged', async () => {
    const s = await setup();
    const other = await takeSignInLock(s.home, 'p');
    const states: string[] = [];
    s.manager.subscribe((e) => states.push(e.snapshot.state));
    await expect(s.manager.signIn('p')).rejects.toMatchObject({
      code: 'LOGIN_IN_PROGRESS', message: 'another sign-in for profile "p" is already in progress',
    });
    expect([s.pending.length, states, s.manager.snapshot('p').state]).toEqual([0, [], 'signed-out']);
    await other();
    expect(await s.locks()).toEqual([]);
  });

  it('a second sign-in in this process replaces the first: the first is cancelled and its lock passed on', async () => {
    const s = await setup();
    const first = s.manager.signIn('p');
    await s.started(1);
    const second = s.manager.signIn('p');
    await expect(first).rejects.toMatchObject({ code: 'LOGIN_CANCELLED' });
    const { end } = await s.started(2);
    expect(await s.locks()).toEqual(['p.sign-in.lock']);
    end(tokens);
    expect((await second).state).toBe('signed-in');
    expect(await s.locks()).toEqual([]);
  });

  it('other profiles are not affected', async () => {
    const s = await setup();
    const p = s.manager.signIn('p');
    await s.started(1);
    const q = s.manager.signIn('q');
    const { end } = await s.started(2);
    end(tokens);
    expect((await q).state).toBe('signed-in');
    s.pending[0]!.end(tokens);
    expect((await p).state).toBe('signed-in');
    expect(await s.locks()).toEqual([]);
  });
});
