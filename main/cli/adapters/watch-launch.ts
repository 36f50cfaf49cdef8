import type { ChildProcess } from 'node:child_process';

/**
 * How long a launcher gets to fail. Launchers that hand off (xdg-open, `open`, a running browser)
 * exit at once, 0 when they succeeded; one that fails (xdg-open with no desktop exits 3,
 * `/bin/false` exits 1) also exits at once. A browser that stays in the foreground is taken as opened.
 */
export const LAUNCH_GRACE_MS = 1500;

/** Resolves once the launcher exited 0 or is still running after the grace period; rejects when it failed. */
export function watchLaunch(child: ChildProcess, graceMs = LAUNCH_GRACE_MS): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => settle(), graceMs);
    timer.unref();
    function settle(err?: Error): void {
      clearTimeout(timer);
      child.removeListener('error', onError);
      child.removeListener('exit', onExit);
      if (err) reject(err);
      else resolve();
    }
    const onError = (err: Error) => settle(err);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      settle(code === 0 ? undefined : new Error(signal ? `it was killed by ${signal}` : `it exited with status ${code}`));
    child.once('error', onError);
    child.once('exit', onExit);
  });
}
