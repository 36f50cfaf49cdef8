import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../errors/app-error.js';
import type { ProfileLock, Unlock } from './file-lock.js';

/**
 * One interactive sign-in per profile at a time, across processes: without it two `login`s for one
 * profile both complete (on 53682 and 53683) and the last silently replaces the first's account.
 * Separate from the refresh lock, and non-blocking: the second sign-in is refused at once. A holder
 * that dies (kill -9) stops refreshing the lock's mtime, so after `staleMs` the lock is taken over.
 */
export async function takeSignInLock(home: string, profile: string, staleMs = 10_000): Promise<Unlock> {
  const dir = join(home, 'locks');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // realpath: false, so no marker file is needed: the lock is the directory `<profile>.sign-in.lock`.
  const target = join(dir, `${profile}.sign-in`);
  try {
    // A lock lost while waiting (a long suspend) must not crash the sign-in: it just stops guarding.
    const release = await lockfile.lock(target, { stale: staleMs, retries: 0, realpath: false, onCompromised: () => undefined });
    return async () => {
      await release().catch(() => undefined);
    };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new AppError('LOGIN_IN_PROGRESS', `another sign-in for profile "${profile}" is already in progress`,
        'finish or cancel the other sign-in first (Ctrl-C where `login` runs, or Cancel in the window), then start this one again', { cause: err });
    }
    throw new AppError('INTERNAL', `could not take the sign-in lock for profile "${profile}"`, `check that ${dir} is writable`, { cause: err });
  }
}

/** The session manager's `signInLock`: every sign-in through it (CLI `login`, the window's) takes this lock. */
export function fileSignInLock(home: string, staleMs?: number): ProfileLock {
  return (profile) => takeSignInLock(home, profile, staleMs);
}
