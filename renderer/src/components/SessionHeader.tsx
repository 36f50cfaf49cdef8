import { useState } from 'react';
import type { ProfileSummary, SessionView } from '../../../main/core/ipc/contract.js';
import type { ErrorInfo } from '../../../main/core/errors/app-error.js';
import { bridge } from '../api.js';
import { countdown, localClock, relative } from '../lib/format.js';
import { userOf } from '../lib/jwt.js';
import { ErrorNote } from './ErrorNote.js';
import { GoogleMark } from './GoogleMark.js';
import { SessionSkeleton } from './Skeleton.js';

const STATE_TEXT: Record<SessionView['state'], string> = {
  'signed-out': 'Signed out',
  'signing-in': 'Signing in…',
  'signed-in': 'Signed in',
  refreshing: 'Refreshing…',
  expired: 'Expired',
  error: 'Error',
};

const RESULT_TEXT = { refreshed: 'refreshed', rotated: 'refreshed', retrying: 'failed, retrying', failed: 'failed', rejected: 'refresh token rejected' } as const;

/** Who is signed in, how the session stands, and the actions on it (a placeholder until the session is known). */
export function SessionHeader(props: { profile: ProfileSummary; session: SessionView | undefined; now: number; onView: (v: SessionView) => void; onStatus: (s: string) => void }) {
  const { profile, session, now } = props;
  const [actionError, setActionError] = useState<ErrorInfo | undefined>();
  const [hosted, setHosted] = useState(false);
  const [busy, setBusy] = useState(false);
  const state = session?.state ?? 'signed-out';
  const user = userOf(session?.idToken);
  const signedIn = Boolean(session?.accessToken) && state !== 'signed-out';
  const google = profile.identityProviders.includes('Google');

  async function run(label: string, action: () => ReturnType<ReturnType<typeof bridge>['invoke']>) {
    setActionError(undefined);
    setBusy(true);
    props.onStatus(`${label}…`);
    try {
      const res = await action();
      if (res.ok) {
        if (res.value && typeof res.value === 'object' && 'state' in res.value) props.onView(res.value as SessionView);
        props.onStatus(`${label}: done`);
      } else {
        setActionError(res.error);
        props.onStatus(`${label}: ${res.error.code}`);
      }
    } finally {
      setBusy(false);
    }
  }

  const signIn = (extra: { prompt?: 'login'; identityProvider?: string }, label: string) =>
    void run(label, () => bridge().invoke('auth:sign-in', { profile: profile.name, ...extra }));

  const subtitle = profile.local ? 'Local pool (demo): sign in as alice / Passw0rd!' : profile.issuer;
  // Not known yet: a placeholder, not a guessed "Signed out" that a restored session then replaces.
  if (!session) return <SessionSkeleton profile={{ name: profile.name, subtitle }} />;
  const error = actionError ?? session.error;
  return (
    <section className="session" aria-label="Session">
      <div className="who">
        <div className="avatar" aria-hidden={user.provider !== 'Google'}>
          {user.provider === 'Google' ? <GoogleMark size={28} /> : <span>{(user.name ?? user.email ?? profile.name).slice(0, 1).toUpperCase()}</span>}
        </div>
        <div>
          <h2 className="user-name">{signedIn ? (user.name ?? user.email ?? user.username ?? 'Signed-in user') : profile.name}</h2>
          <p className="muted">
            {signedIn ? (
              <>
                {user.email && user.name ? `${user.email} · ` : ''}
                {user.provider ? `via ${user.provider}` : 'Cognito user pool'} · profile {profile.name}
              </>
            ) : (
              <>{subtitle}</>
            )}
          </p>
        </div>
        <span className="badge" data-state={state} role="status" aria-label={`Session state: ${STATE_TEXT[state]}`}>
          {STATE_TEXT[state]}
        </span>
      </div>
      {signedIn ? (
        <dl className="session-facts">
          <div>
            <dt>Access token</dt>
            <dd data-testid="access-countdown">{session?.accessTokenExpiresAt ? (session.accessTokenExpiresAt > now ? `expires in ${countdown(session.accessTokenExpiresAt, now)}` : countdown(session.accessTokenExpiresAt, now)) : '—'}</dd>
          </div>
          <div>
            <dt>Next silent refresh</dt>
            <dd data-testid="next-refresh">{session?.nextRefreshAt ? `${localClock(session.nextRefreshAt)} (${relative(session.nextRefreshAt, now)})` : session?.hasRefreshToken ? 'not scheduled' : 'none: no refresh token'}</dd>
          </div>
          <div>
            <dt>Last refresh</dt>
            <dd data-testid="last-refresh">
              {session?.lastRefresh
                ? `${localClock(session.lastRefresh.at)}: ${RESULT_TEXT[session.lastRefresh.result]}${session.lastRefresh.result === 'rotated' ? ', refresh token rotated' : session.lastRefresh.result === 'refreshed' ? ', refresh token not rotated' : ''}`
                : 'none yet in this session'}
            </dd>
          </div>
        </dl>
      ) : null}
      <div className="actions" role="group" aria-label="Session actions">
        {!signedIn || state === 'error' ? (
          <button type="button" className="primary" disabled={busy && state === 'signing-in'} data-shortcut="s" onClick={() => signIn({}, "Sign in")} title="Alt+S">
            Sign in
          </button>
        ) : null}
        {google ? (
          <button type="button" className="google" data-shortcut="g" onClick={() => signIn({ identityProvider: 'Google' }, 'Sign in with Google')} title="identity_provider=Google (Alt+G)">
            <GoogleMark size={16} /> Sign in with Google
          </button>
        ) : null}
        {signedIn ? (
          <>
            <button type="button" data-shortcut="w" onClick={() => signIn({ prompt: "login" }, 'Switch account')} title="prompt=login: choose another account">
              Switch account
            </button>
            <button type="button" data-shortcut="r" disabled={!session?.hasRefreshToken || state === "refreshing"} onClick={() => void run('Refresh', () => bridge().invoke('auth:refresh', { profile: profile.name }))} title="Alt+R">
              Refresh now
            </button>
            <button type="button" data-shortcut="o" onClick={() => void run("Sign out", () => bridge().invoke('auth:sign-out', { profile: profile.name, hosted }))} title="Alt+O">
              Sign out
            </button>
            <label className="check">
              <input type="checkbox" checked={hosted} onChange={(e) => setHosted(e.target.checked)} /> also end the hosted-UI session
            </label>
          </>
        ) : null}
      </div>
      <ErrorNote error={error} label="Session error" />
    </section>
  );
}
