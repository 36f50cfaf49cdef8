import { useState } from 'react';
import type { InvokeResponses } from '../../../main/core/ipc/contract.js';
import { localTime } from '../lib/format.js';
import { scopeDiff } from '../lib/scope-diff.js';
import { ErrorNote } from './ErrorNote.js';
import { TokenInspector } from './TokenInspector.js';

export type TryOutcome = InvokeResponses['tester:try'];
type RawError = NonNullable<TryOutcome['cognito']>;

const SOURCE_TEXT: Record<RawError['source'], string> = {
  'error-page': "Cognito's own error page (the app is never told; the fail-fast check saw the redirect)",
  'authorize-redirect': 'the error redirect to the callback (seen by the fail-fast check before the browser got there)',
  'authorize-page': 'the authorize endpoint itself',
  callback: 'the redirect to the callback, as the browser brought it back',
  'token-endpoint': 'the token endpoint',
};

/** Cognito's refusal in its own words, next to our code and hint. */
function CognitoSaid({ raw }: { raw: RawError }) {
  return (
    <div className="cognito-said" role="group" aria-label="What Cognito said">
      <h5>What Cognito said</h5>
      <dl className="facts">
        <dt>error</dt>
        <dd><code>{raw.error}</code></dd>
        {raw.error_description !== undefined ? (
          <>
            <dt>error_description</dt>
            <dd><code>{raw.error_description}</code></dd>
          </>
        ) : null}
        <dt>From</dt>
        <dd>{SOURCE_TEXT[raw.source]}{raw.status ? ` (HTTP ${raw.status})` : ''}</dd>
        {raw.url ? (
          <>
            <dt>URL</dt>
            <dd><code className="url">{raw.url}</code></dd>
          </>
        ) : null}
      </dl>
      {raw.body ? <pre className="json" aria-label="Token endpoint error body" tabIndex={0}>{raw.body}</pre> : null}
    </div>
  );
}

/** Asked vs granted, the differences in words and marked in the table. */
function ScopeTable({ outcome, profileScopes }: { outcome: TryOutcome; profileScopes: string[] }) {
  const diff = scopeDiff(outcome.asked, outcome.granted, profileScopes);
  const summary = !diff.source
    ? 'Nothing in the answer says which scopes were granted.'
    : diff.notGranted.length || diff.notAsked.length
      ? [diff.notGranted.length ? `asked but not granted: ${diff.notGranted.join(' ')}` : '', diff.notAsked.length ? `granted but not asked: ${diff.notAsked.join(' ')}` : ''].filter(Boolean).join('; ')
      : `Every scope asked was granted (from the ${diff.source}).`;
  const yes = (v: boolean | undefined) => (v === undefined ? 'unknown' : v ? 'yes' : 'no');
  return (
    <>
      <p className={diff.notGranted.length || diff.notAsked.length ? 'diff unexpected' : 'diff'} role="note" aria-label="Scopes summary">{summary}</p>
      <table className="claims scopes">
        <caption>Scopes asked and granted{diff.source ? ` (granted: the ${diff.source}'s scope)` : ''}</caption>
        <thead>
          <tr><th scope="col">Scope</th><th scope="col">Asked</th><th scope="col">Granted</th><th scope="col">Note</th></tr>
        </thead>
        <tbody>
          {diff.rows.map((r) => {
            const note = r.asked && r.granted === false ? 'asked but not granted' : !r.asked ? 'granted but not asked' : !r.inProfile ? "added for this Try (not in the profile's scopes)" : '';
            return (
              <tr key={r.scope} className={r.granted === false || !r.asked ? 'changed unexpected' : !r.inProfile ? 'changed' : undefined}>
                <th scope="row"><code>{r.scope}</code></th>
                <td>{yes(r.asked)}</td>
                <td>{yes(r.granted)}</td>
                <td>{note}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** The token endpoint's JSON, tokens masked until asked; the refresh token is never shown. */
function RawResponse({ response, refreshToken }: { response: NonNullable<TryOutcome['response']>; refreshToken: string | undefined }) {
  const [full, setFull] = useState(false);
  return (
    <div className="raw-response">
      <h5>Token endpoint response (HTTP {response.status})</h5>
      <div className="view-toggle">
        <button type="button" aria-pressed={full} onClick={() => setFull(!full)}>{full ? 'Mask tokens' : 'Show tokens in full'}</button>
      </div>
      <pre className="json" aria-label="Token endpoint response" tabIndex={0}>{full ? response.shown : response.masked}</pre>
      {refreshToken ? <p className="muted">The refresh token ({refreshToken}) stays masked: it never reaches the window, and this Try's is kept nowhere.</p> : null}
    </div>
  );
}

/** What a Try found: the raw answer, the decoded tokens and the scopes, or the refusal. */
export function TryResult(props: { outcome: TryOutcome; profileScopes: string[]; mainClipboard: boolean; now: number }) {
  const { outcome } = props;
  const verify = { profile: outcome.profile };
  return (
    <section className="try-result" aria-labelledby="try-result-heading">
      <h4 id="try-result-heading">Try result</h4>
      <p className="muted">
        {outcome.error ? 'Refused' : 'Signed in'} at {localTime(outcome.finishedAt)}, in {((outcome.finishedAt - outcome.startedAt) / 1000).toFixed(1)} s. Nothing was saved: the profile and its session are as they were.
        {outcome.error ? null : ' Your browser stays signed in to the hosted UI as this user, so the next sign-in may skip the form: choose Prompt "login" (or Switch account) to sign in as someone else.'}
      </p>
      {outcome.authorizeUrl ? (
        <details>
          <summary>The authorize URL this Try opened</summary>
          <code className="url">{outcome.authorizeUrl}</code>
        </details>
      ) : null}
      {outcome.error ? (
        <>
          <ErrorNote error={outcome.error} label="Try error" />
          {outcome.cognito ? <CognitoSaid raw={outcome.cognito} /> : <p className="muted">Cognito sent no error of its own for this: the Try ended on our side.</p>}
        </>
      ) : (
        <>
          <ScopeTable outcome={outcome} profileScopes={props.profileScopes} />
          {outcome.response ? <RawResponse response={outcome.response} refreshToken={outcome.refreshToken} /> : null}
          {outcome.idToken ? <TokenInspector token={outcome.idToken} label="Try ID token" verify={verify} mainClipboard={props.mainClipboard} now={props.now} /> : null}
          {outcome.accessToken ? <TokenInspector token={outcome.accessToken} label="Try access token" verify={verify} mainClipboard={props.mainClipboard} now={props.now} /> : null}
        </>
      )}
    </section>
  );
}
