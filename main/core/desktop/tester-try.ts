import { AppError } from '../errors/app-error.js';
import type { SignInWaiting } from '../ipc/contract.js';
import type { BrowserOpener, Clock } from '../ports.js';
import type { Profile } from '../profiles/schema.js';
import type { SessionVault } from '../secrets/session-vault.js';
import { clientConfigFor } from '../session/profile-auth.js';
import type { TryOutcome, TryRequest } from '../tester/run-try.js';
import type { Recorder } from '../trace/recorder.js';

export interface TesterTryDeps {
  clock: Clock;
  browser: BrowserOpener;
  recorder: Recorder;
  profile(name: string): Promise<Profile>;
  /** Read only: a Try takes the profile's client secret, and writes nothing. */
  vault: SessionVault;
  signInTimeoutMs: number;
  /** A normal sign-in of this profile is waiting for the browser. */
  signingIn(profile: string): boolean;
  onWaiting(w: SignInWaiting): void;
  focusWindow?(): void;
}

/**
 * The Tester tab's "Try": a real sign-in with the edited parameters that leaves the saved profile,
 * its keychain entry and the session manager alone. The last Try of each profile is kept in memory
 * only (a new one replaces it), so the tab shows it again after switching tabs. Its exchanges go to
 * the profile's Timeline. One Try per profile at a time: a new one cancels the one waiting, as a
 * new sign-in does.
 */
export function testerTryHandlers(deps: TesterTryDeps) {
  const running = new Map<string, AbortController>();
  const last = new Map<string, TryOutcome>();

  return {
    'tester:try': async (req: TryRequest & { profile: string }): Promise<TryOutcome> => {
      const profile = await deps.profile(req.profile);
      if (deps.signingIn(req.profile)) {
        throw new AppError('LOGIN_IN_PROGRESS', `a sign-in for profile "${req.profile}" is waiting for the browser`, 'finish or cancel that sign-in first, then Try again');
      }
      running.get(req.profile)?.abort();
      const abort = new AbortController();
      running.set(req.profile, abort);
      const clientSecret = (await deps.vault.read(req.profile))?.clientSecret;
      const { runTry } = await import('../tester/run-try.js');
      let waiting: SignInWaiting | undefined;
      try {
        const outcome = await runTry(profile, req, {
          clock: deps.clock,
          browser: deps.browser,
          fetch: deps.recorder.wrap(globalThis.fetch, { profile: req.profile }),
          trace: { note: (e) => deps.recorder.note({ ...e, profile: req.profile }) },
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
        if (running.get(req.profile) === abort) running.delete(req.profile);
        if (waiting) deps.focusWindow?.();
      }
    },
    'tester:try-cancel': async (req: { profile: string }) => {
      const abort = running.get(req.profile);
      abort?.abort();
      return { cancelled: Boolean(abort) };
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
