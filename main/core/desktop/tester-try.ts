import { AppError } from '../errors/app-error.js';
import type { SignInWaiting } from '../ipc/contract.js';
import type { BrowserOpener, Clock } from '../ports.js';
import type { Profile } from '../profiles/schema.js';
import type { SessionVault } from '../secrets/session-vault.js';
import type { ProfileLock } from '../session/file-lock.js';
import { clientConfigFor } from '../session/profile-auth.js';
import { runTry, tryConfig, type TryOutcome, type TryRequest } from '../tester/run-try.js';
import type { Recorder } from '../trace/recorder.js';

export interface TesterTryDeps {
  clock: Clock;
  browser: BrowserOpener;
  recorder: Recorder;
  profile(name: string): Promise<Profile>;
  /** Read only: a Try takes the profile's client secret, and writes nothing. */
  vault: SessionVault;
  signInTimeoutMs: number;
  /** The per-profile sign-in lock every sign-in takes (the window's, a CLI `login`): a Try is one too. */
  signInLock: ProfileLock;
  onWaiting(w: SignInWaiting): void;
  focusWindow?(): void;
}

/**
 * The Tester tab's "Try": a real sign-in with the edited parameters that leaves the saved profile,
 * its keychain entry and the session manager alone. It takes the profile's sign-in lock like any
 * sign-in, so a Try and a sign-in (the window's or a CLI `login`) for one profile refuse each other
 * with LOGIN_IN_PROGRESS; a new Try replaces the one waiting (cancelled, its lock released first),
 * as a new sign-in does. The last Try of each profile is kept in memory only (a new one replaces
 * it), so the tab shows it again after switching tabs. Its exchanges go to the profile's Timeline.
 */
export function testerTryHandlers(deps: TesterTryDeps) {
  const running = new Map<string, { abort: AbortController; done: Promise<unknown> }>();
  const last = new Map<string, TryOutcome>();

  async function run(profile: Profile, req: TryRequest & { profile: string }, abort: AbortController, prior: Promise<unknown> | undefined): Promise<TryOutcome> {
    await prior;
    if (abort.signal.aborted) throw new AppError('LOGIN_CANCELLED', 'The Try was cancelled.', 'Start it again when ready.');
    const unlock = await deps.signInLock(req.profile);
    let waiting: SignInWaiting | undefined;
    try {
      const clientSecret = (await deps.vault.read(req.profile))?.clientSecret;
      const outcome = await runTry(profile, req, {
        clock: deps.clock,
        browser: deps.browser,
        fetch: deps.recorder.wrap(globalThis.fetch, { profile: req.profile, context: 'Try' }),
        trace: { note: (e) => deps.recorder.note({ ...e, profile: req.profile, context: 'Try' }) },
        signal: abort.signal,
        timeoutMs: deps.signInTimeoutMs,
        ...(clientSecret ? { clientSecret } : {}),
        onListening: (info) => {
          waiting = { profile: req.profile, startUrl: info.startUrl, deadline: deps.clock.now() + deps.signInTimeoutMs };
          deps.onWaiting(waiting);
        },
        onBrowserError: (error) => {
          if (waiting) deps.onWaiting({ ...waiting, browserError: error.toInfo() });
        },
      });
      last.set(req.profile, outcome);
      return outcome;
    } finally {
      await unlock();
      if (waiting) deps.focusWindow?.();
    }
  }

  return {
    'tester:try': async (req: TryRequest & { profile: string }): Promise<TryOutcome> => {
      const profile = await deps.profile(req.profile);
      tryConfig(profile, req); // bad input is refused before anything is cancelled or locked
      const prior = running.get(req.profile);
      prior?.abort.abort();
      const abort = new AbortController();
      const work = run(profile, req, abort, prior?.done);
      running.set(req.profile, { abort, done: work.catch(() => undefined) });
      try {
        return await work;
      } finally {
        if (running.get(req.profile)?.abort === abort) running.delete(req.profile);
      }
    },
    'tester:try-cancel': async (req: { profile: string }) => {
      const current = running.get(req.profile);
      current?.abort.abort();
      return { cancelled: Boolean(current) };
    },
    'tester:try-last': async (req: { profile: string }) => {
      const outcome = last.get(req.profile);
      return outcome ? { last: outcome } : {};
    },
    /** Scopes the form offers: the profile's, then those discovery's scopes_supported adds. */
    'tester:scopes': async (req: { profile: string }) => {
      const profile = await deps.profile(req.profile);
      const { getClient } = await import('../auth/client.js');
      const client = await getClient(clientConfigFor(profile), { clock: deps.clock, fetch: deps.recorder.wrap(globalThis.fetch, { profile: req.profile }) });
      const supported = Array.isArray(client.metadata.scopes_supported) ? client.metadata.scopes_supported.map(String) : [];
      return { profile: profile.scopes, supported };
    },
  };
}
