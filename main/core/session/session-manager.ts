import { AppError, isAppError } from '../errors/app-error.js';
import type { ErrorCode } from '../errors/codes.js';
import type { Clock } from '../ports.js';
import type { ProfileLock, Unlock } from './file-lock.js';
import type { AuthOps, SessionPersistence, SignInRequest, TokenResponse } from './ports.js';
import { refreshDelayMs, refreshDue, retryDelayMs } from './refresh-schedule.js';
import { SingleFlight } from './single-flight.js';
import type { SessionEvent, SessionSnapshot, SessionState, SessionTokens } from './types.js';

/**
 * Keeps each profile signed in. Policy:
 * - restore: read the keychain entry; valid tokens are used as they are (no request), otherwise one
 *   refresh.
 * - refresh before the access token expires (refresh-schedule.ts), single-flight per profile and,
 *   across processes, under a lock; inside the lock the stored entry is read again, so a refresh
 *   another process just made is adopted instead of repeated.
 * - a rotated refresh token is stored before anything uses it.
 * - network failures: retry with backoff, keeping the session. invalid_grant: signed out, entry removed.
 * - after sleep/resume or when the network returns, refresh at once if due.
 */
export interface SessionManagerDeps {
  persistence: SessionPersistence;
  auth: AuthOps;
  clock: Clock;
  lock: ProfileLock;
  random?: () => number;
  /** Background refresh timers (the app); the CLI refreshes on demand only. */
  autoRefresh?: boolean;
  /**
   * One interactive sign-in per profile across processes (sign-in-lock.ts): a CLI `login` and the
   * window's "Sign in" for one profile cannot both complete; the later one gets LOGIN_IN_PROGRESS.
   */
  signInLock?: ProfileLock;
}

const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['NETWORK_UNREACHABLE', 'SERVER_ERROR', 'HTTP_ERROR', 'DISCOVERY_FAILED', 'TLS_FAILURE']);

interface Entry {
  state: SessionState;
  tokens?: SessionTokens;
  error?: AppError;
  timer?: ReturnType<typeof setTimeout>;
  nextRefreshAt?: number;
  attempt: number;
  signInAbort?: AbortController;
  /** Settles when this process's current sign-in has ended and released its lock. */
  signInDone?: Promise<void>;
}

export type SessionManager = ReturnType<typeof createSessionManager>;

export function createSessionManager(deps: SessionManagerDeps) {
  const { persistence, auth, clock, lock } = deps;
  const random = deps.random ?? Math.random;
  const entries = new Map<string, Entry>();
  const listeners = new Set<(e: SessionEvent) => void>();
  const flights = new SingleFlight<SessionTokens>();
  let disposed = false;

  const entry = (profile: string): Entry => {
    let e = entries.get(profile);
    if (!e) entries.set(profile, (e = { state: 'signed-out', attempt: 0 }));
    return e;
  };

  function snapshot(profile: string): SessionSnapshot {
    const e = entry(profile);
    const t = e.tokens;
    return {
      profile,
      state: e.state,
      ...(t?.idToken ? { idToken: t.idToken } : {}),
      ...(t ? { accessToken: t.accessToken, accessTokenExpiresAt: t.expiresAt, signedInAt: t.signedInAt } : {}),
      hasRefreshToken: Boolean(t?.refreshToken),
      persisted: persistence.persisted,
      ...(e.nextRefreshAt ? { nextRefreshAt: e.nextRefreshAt } : {}),
      ...(e.error ? { error: e.error.toInfo() } : {}),
    };
  }

  function set(profile: string, state: SessionState, reason: string, error?: AppError): void {
    const e = entry(profile);
    e.state = state;
    e.error = error;
    const event = { profile, snapshot: snapshot(profile), reason };
    for (const l of listeners) l(event);
  }

  function clearTimer(e: Entry): void {
    if (e.timer) clearTimeout(e.timer);
    e.timer = undefined;
    e.nextRefreshAt = undefined;
  }

  function schedule(profile: string, delayMs: number): void {
    const e = entry(profile);
    clearTimer(e);
    if (disposed || !deps.autoRefresh || !e.tokens?.refreshToken) return;
    e.nextRefreshAt = clock.now() + delayMs;
    e.timer = setTimeout(() => void refresh(profile).catch(() => undefined), delayMs);
    e.timer.unref?.();
  }

  function scheduleNormal(profile: string): void {
    const t = entry(profile).tokens;
    if (t) schedule(profile, refreshDelayMs(clock.now(), t.issuedAt, t.expiresAt, random));
  }

  function fromResponse(r: TokenResponse, previous: SessionTokens | undefined): SessionTokens {
    const now = clock.now();
    const refreshToken = r.refreshToken ?? previous?.refreshToken;
    const idToken = r.idToken ?? previous?.idToken;
    return {
      accessToken: r.accessToken,
      expiresAt: r.expiresAt,
      issuedAt: now,
      signedInAt: previous?.signedInAt ?? now,
      ...(idToken ? { idToken } : {}),
      ...(refreshToken ? { refreshToken } : {}),
      ...(r.tokenType ? { tokenType: r.tokenType } : {}),
      ...(r.scope ? { scope: r.scope } : {}),
    };
  }

  /**
   * Valid for at least minValidityMs, capped at half the token's own lifetime: a token that lives
   * less than the caller asks (10 s tokens, `token` asking 30 s) can never satisfy it, and without
   * the cap every caller would refresh again, even right after another process did.
   */
  const valid = (t: SessionTokens | undefined, minValidityMs: number) =>
    Boolean(t && t.expiresAt - Math.min(minValidityMs, Math.max(0, t.expiresAt - t.issuedAt) / 2) > clock.now());

  /** One refresh, under the cross-process lock, re-reading the keychain first. */
  async function doRefresh(profile: string, minValidityMs: number): Promise<SessionTokens> {
    const e = entry(profile);
    const unlock = await lock(profile);
    try {
      const stored = await persistence.load(profile);
      if (stored && valid(stored, minValidityMs) && stored.accessToken !== e.tokens?.accessToken) {
        e.tokens = stored; // another process refreshed while we waited for the lock
        return stored;
      }
      const current = stored ?? e.tokens;
      if (!current?.refreshToken) throw new AppError('NOT_SIGNED_IN', `profile "${profile}" has no refresh token`, `sign in again: cognito-inspector login --profile ${profile}`);
      set(profile, 'refreshing', 'refresh-started');
      const response = await auth.refresh(profile, current.refreshToken, current.idToken);
      const next = fromResponse(response, current);
      await persistence.save(profile, next); // before anything uses a rotated refresh token
      e.tokens = next;
      return next;
    } finally {
      await unlock();
    }
  }

  async function refresh(profile: string, minValidityMs = 0): Promise<SessionTokens> {
    return flights.run(profile, async () => {
      const e = entry(profile);
      try {
        const rotatedFrom = e.tokens?.refreshToken;
        const tokens = await doRefresh(profile, minValidityMs);
        e.attempt = 0;
        // Schedule first: the event's snapshot then says when the next refresh happens.
        scheduleNormal(profile);
        set(profile, 'signed-in', tokens.refreshToken !== rotatedFrom && rotatedFrom ? 'rotated' : 'refreshed');
        return tokens;
      } catch (err) {
        let appErr = isAppError(err) ? err : new AppError('INTERNAL', 'refresh failed', 'see --debug output', { cause: err });
        if (appErr.code === 'INVALID_GRANT') {
          clearTimer(e);
          e.tokens = undefined;
          await persistence.clear(profile).catch(() => undefined);
          // The user's next step is a new sign-in, so that is what the error says (with the command).
          appErr = new AppError('SESSION_EXPIRED', 'the refresh token was rejected (revoked or expired); you are signed out', `sign in again: cognito-inspector login --profile ${profile}`, { cause: err });
          set(profile, 'signed-out', 'refresh-token-rejected', appErr);
        } else if (TRANSIENT.has(appErr.code) && e.tokens?.refreshToken) {
          const state = valid(e.tokens, 0) ? 'signed-in' : 'expired';
          set(profile, state, 'retrying', appErr);
          schedule(profile, retryDelayMs(e.attempt++, random));
        } else {
          set(profile, 'error', 'refresh-failed', appErr);
        }
        throw appErr;
      }
    });
  }

  async function signInLocked(profile: string, e: Entry, request: SignInRequest, abort: AbortController): Promise<SessionSnapshot> {
    const previous = e.tokens;
    set(profile, 'signing-in', 'sign-in-started');
    try {
      const response = await auth.signIn(profile, { ...request, signal: abort.signal });
      const tokens = fromResponse(response, undefined);
      const unlock = await lock(profile);
      try {
        await persistence.save(profile, tokens);
      } finally {
        await unlock();
      }
      e.tokens = tokens;
      e.attempt = 0;
      scheduleNormal(profile);
      set(profile, 'signed-in', 'signed-in');
      return snapshot(profile);
    } catch (err) {
      const appErr = isAppError(err) ? err : new AppError('INTERNAL', 'sign-in failed', 'see --debug output', { cause: err });
      e.tokens = previous;
      set(profile, previous ? 'signed-in' : 'error', 'sign-in-failed', appErr);
      throw appErr;
    }
  }

  return {
    snapshot,
    subscribe(listener: (e: SessionEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Restore from the keychain: no request while the cached tokens are valid, else one refresh. */
    async restore(profile: string): Promise<SessionSnapshot> {
      const e = entry(profile);
      const stored = await persistence.load(profile);
      if (!stored) {
        set(profile, 'signed-out', 'nothing-stored');
        return snapshot(profile);
      }
      e.tokens = stored;
      if (valid(stored, 0) && !refreshDue(clock.now(), stored.issuedAt, stored.expiresAt)) {
        set(profile, 'signed-in', 'restored');
        scheduleNormal(profile);
      } else if (valid(stored, 0)) {
        set(profile, 'signed-in', 'restored');
        await refresh(profile).catch(() => undefined);
      } else {
        set(profile, 'expired', 'restored-expired');
        await refresh(profile).catch(() => undefined);
      }
      return snapshot(profile);
    },

    /**
     * Interactive sign-in. A second one in this process replaces the first (the window's "Sign in"
     * clicked again): the first is cancelled and has released the sign-in lock before the second takes
     * it. One in another process (a CLI `login`) holds the lock: refused with LOGIN_IN_PROGRESS before
     * any listener or browser. The lock is released however the sign-in ends.
     */
    signIn(profile: string, request: SignInRequest = {}): Promise<SessionSnapshot> {
      const e = entry(profile);
      const prior = e.signInDone;
      e.signInAbort?.abort();
      const abort = new AbortController();
      e.signInAbort = abort;
      request.signal?.addEventListener('abort', () => abort.abort(request.signal?.reason), { once: true });
      const run = (async () => {
        await prior;
        if (abort.signal.aborted) throw new AppError('LOGIN_CANCELLED', 'The sign-in was cancelled.', 'Start the sign-in again when ready.');
        const unlock: Unlock | undefined = await deps.signInLock?.(profile);
        try {
          return await signInLocked(profile, e, request, abort);
        } finally {
          await unlock?.();
        }
      })().finally(() => {
        if (e.signInAbort === abort) e.signInAbort = undefined;
      });
      e.signInDone = run.then(() => undefined, () => undefined);
      return run;
    },

    cancelSignIn(profile: string): boolean {
      const e = entry(profile);
      if (!e.signInAbort) return false;
      e.signInAbort.abort();
      return true;
    },

    /** Tokens valid for at least minValidityMs, refreshing first when needed (the CLI's path). */
    async tokens(profile: string, minValidityMs = 30_000): Promise<SessionTokens> {
      const e = entry(profile);
      if (!e.tokens) {
        e.tokens = (await persistence.load(profile)) ?? undefined;
        if (!e.tokens) throw new AppError('NOT_SIGNED_IN', `not signed in with profile "${profile}"`, `run: cognito-inspector login --profile ${profile}`);
        set(profile, valid(e.tokens, 0) ? 'signed-in' : 'expired', 'loaded');
      }
      if (valid(e.tokens, minValidityMs)) return e.tokens;
      return refresh(profile, minValidityMs);
    },

    refresh,

    /**
     * Sign out: revoke (unless local), forget the keychain entry, stop timers. A refresh in flight
     * here is waited for, and the work is done under the profile lock with the entry read again,
     * so neither this process's refresh nor another's can write the session back afterwards, and
     * the newest (possibly rotated) refresh token is the one revoked.
     */
    async signOut(profile: string, opts: { local?: boolean } = {}): Promise<{ revoked: boolean; revokeError?: AppError }> {
      const e = entry(profile);
      clearTimer(e);
      await flights.pending(profile)?.catch(() => undefined);
      let revoked = false;
      let revokeError: AppError | undefined;
      const unlock = await lock(profile);
      try {
        clearTimer(e);
        const tokens = (await persistence.load(profile)) ?? e.tokens;
        if (!opts.local && tokens?.refreshToken) {
          try {
            await auth.revoke(profile, tokens.refreshToken);
            revoked = true;
          } catch (err) {
            revokeError = isAppError(err) ? err : new AppError('INTERNAL', 'revocation failed', 'the local session is removed anyway');
          }
        }
        await persistence.clear(profile);
        e.tokens = undefined;
      } finally {
        await unlock();
      }
      set(profile, 'signed-out', 'signed-out');
      return { revoked, ...(revokeError ? { revokeError } : {}) };
    },

    /** After sleep/resume or when the network returns: refresh every due session now. */
    async wake(): Promise<void> {
      const due = [...entries.entries()].filter(([, e]) => e.tokens?.refreshToken && (e.state === 'expired' || refreshDue(clock.now(), e.tokens.issuedAt, e.tokens.expiresAt)));
      await Promise.all(due.map(([profile]) => refresh(profile).catch(() => undefined)));
    },

    dispose(): void {
      disposed = true; // a refresh still in flight must not arm a new timer
      for (const e of entries.values()) {
        clearTimer(e);
        e.signInAbort?.abort();
      }
      listeners.clear();
    },
  };
}
