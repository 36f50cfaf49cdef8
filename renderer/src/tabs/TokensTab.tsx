import type { SessionView } from '../../../main/core/ipc/contract.js';
import type { PreviousTokens } from '../hooks/useAppState.js';
import { RefreshTokenCard } from '../components/RefreshTokenCard.js';
import { TokenInspector } from '../components/TokenInspector.js';

/** The session's ID and access tokens, inspected and verified against the profile's issuer. */
export function TokensTab(props: { profile: string; session: SessionView | undefined; previous: PreviousTokens; mainClipboard: boolean; now: number }) {
  const { session } = props;
  if (!session?.accessToken) {
    return <p className="empty">Sign in to see your tokens. Or paste any token in “Inspect any token”.</p>;
  }
  const verify = { profile: props.profile };
  return (
    <div className="tokens">
      {session.idToken ? (
        <TokenInspector token={session.idToken} label="ID token" verify={verify} previous={props.previous.id} mainClipboard={props.mainClipboard} now={props.now} />
      ) : (
        <p className="empty">No ID token: the profile's scopes do not include openid.</p>
      )}
      <TokenInspector token={session.accessToken} label="Access token" verify={verify} previous={props.previous.access} mainClipboard={props.mainClipboard} now={props.now} />
      <RefreshTokenCard session={session} now={props.now} />
    </div>
  );
}
