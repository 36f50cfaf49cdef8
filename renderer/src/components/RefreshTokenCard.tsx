import type { SessionView } from '../../../main/core/ipc/contract.js';
import { localTime, relative } from '../lib/format.js';

/** The refresh token is never sent to the window: this says what is known about it instead. */
export function RefreshTokenCard({ session, now }: { session: SessionView; now: number }) {
  const held = Boolean(session.hasRefreshToken);
  const obtained = session.rotationSeen && session.lastRefresh?.result === 'rotated' ? session.lastRefresh.at : session.signedInAt;
  return (
    <article className="token refresh" aria-labelledby="refresh-heading">
      <h3 id="refresh-heading">Refresh token</h3>
      <p className="muted">Never shown here: it stays in the main process and the keychain.</p>
      <dl className="facts">
        <dt>Held</dt>
        <dd>{held ? 'yes' : 'no'}</dd>
        {held ? (
          <>
            <dt>Where</dt>
            <dd>{session.refreshTokenStorage === 'keychain' ? 'OS keychain' : 'memory only (lost when the app quits)'}</dd>
            <dt>Obtained</dt>
            <dd>{obtained ? `${localTime(obtained)} (${relative(obtained, now)})` : 'unknown'}</dd>
            <dt>Estimated expiry</dt>
            <dd>
              {session.refreshTokenExpiresAbout
                ? `about ${localTime(session.refreshTokenExpiresAbout)} (${relative(session.refreshTokenExpiresAbout, now)})`
                : "unknown: Cognito refresh tokens are opaque; set the profile's refresh lifetime to see an estimate"}
            </dd>
            <dt>Rotation</dt>
            <dd>{session.rotationSeen ? 'seen: the last refresh returned a new refresh token' : 'not seen in this session'}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
