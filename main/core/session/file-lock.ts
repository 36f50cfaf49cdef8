import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../errors/app-error.js';

export type Unlock = () => Promise<void>;
export type ProfileLock = (profile: string) => Promise<Unlock>;

/**
 * A cross-process lock per profile (a lock directory next to a marker file in the inspector home),
 * so the app and the CLI never refresh one profile at once: with rotation, the loser of such a
 * race would hold a dead refresh token. Stale locks (a crashed holder) expire after 20 s.
 */
export function fileProfileLock(home: string): ProfileLock {
  return async (profile) => {
    const dir = join(home, 'locks');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const marker = join(dir, `${profile}.lock-target`);
    await writeFile(marker, '', { flag: 'a' });
    try {
      const release = await lockfile.lock(marker, { stale: 20_000, update: 5_000, retries: { retries: 60, minTimeout: 50, maxTimeout: 500 }, realpath: false });
      return async () => {
        await release().catch(() => undefined);
      };
    } catch (err) {
      throw new AppError('INTERNAL', `could not lock profile "${profile}" for refresh`, `another cognito-inspector process holds ${marker}.lock; retry, or remove it if no other process runs`, { cause: err });
    }
  };
}

/** In-process only; for tests and for sessions that live in memory. */
export function memoryProfileLock(): ProfileLock {
  const tails = new Map<string, Promise<void>>();
  return async (profile) => {
    const prev = tails.get(profile) ?? Promise.resolve();
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    tails.set(profile, prev.then(() => next));
    await prev;
    return async () => release();
  };
}
