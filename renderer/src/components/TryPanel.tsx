import { useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../main/core/errors/app-error.js';
import type { InvokeRequest, SignInWaiting } from '../../../main/core/ipc/contract.js';
import { bridge } from '../api.js';
import { countdown } from '../lib/format.js';
import { ErrorNote } from './ErrorNote.js';
import { TryResult, type TryOutcome } from './TryResult.js';

export type TryParams = Omit<InvokeRequest<'tester:try'>, 'profile'>;

function summary(o: TryOutcome): string {
  if (o.error) return `Try refused: ${o.error.code}${o.cognito ? ` (Cognito: ${o.cognito.error}${o.cognito.error_description ? ` ${o.cognito.error_description}` : ''})` : ''}.`;
  const granted = o.granted?.accessToken ?? o.granted?.response;
  return `Try signed in${granted ? `: ${o.asked.filter((s) => granted.includes(s)).length} of ${o.asked.length} asked scopes granted` : ''}.`;
}

/**
 * "Try": a real sign-in in the browser with the form's parameters. While it waits: where to sign in,
 * the time left and Cancel. The outcome's one-line summary goes to a live region; the details
 * follow it. The last Try of the profile comes back when the tab is opened again.
 */
export function TryPanel(props: { profile: string; request: TryParams; profileScopes: string[]; mainClipboard: boolean; now: number }) {
  const { profile } = props;
  const [running, setRunning] = useState(false);
  const [waiting, setWaiting] = useState<SignInWaiting | undefined>();
  const [outcome, setOutcome] = useState<TryOutcome | undefined>();
  const [error, setError] = useState<ErrorInfo | undefined>();

  useEffect(() => {
    let live = true;
    void bridge().invoke('tester:try-last', { profile }).then((r) => live && r.ok && r.value.last && setOutcome(r.value.last));
    const off = bridge().on('tester:waiting', (w) => w.profile === profile && setWaiting(w));
    return () => {
      live = false;
      off();
    };
  }, [profile]);

  async function run(): Promise<void> {
    setRunning(true);
    setError(undefined);
    setWaiting(undefined);
    const r = await bridge().invoke('tester:try', { profile, ...props.request });
    setRunning(false);
    setWaiting(undefined);
    if (r.ok) setOutcome(r.value);
    else setError(r.error);
  }

  async function cancel(): Promise<void> {
    const r = await bridge().invoke('tester:try-cancel', { profile });
    if (!r.ok) setError(r.error);
  }

  return (
    <div className="try">
      <p className="actions">
        <button type="button" className="primary" onClick={() => void run()} disabled={running} aria-describedby="try-explain">
          {running ? 'Trying…' : 'Try'}
        </button>
        {running ? <button type="button" data-shortcut="Escape" onClick={() => void cancel()}>Cancel Try</button> : null}
      </p>
      <p id="try-explain" className="muted">Signs in for real in your browser with these parameters; the saved profile and its session are left as they are.</p>
      {running && waiting ? (
        <div className="waiting" role="group" aria-label="Try waiting for the browser">
          <p>
            {waiting.browserError ? `The browser could not be started (${waiting.browserError.message}).` : 'Waiting for you to sign in in your browser…'}{' '}
            <strong>{countdown(waiting.deadline, props.now)}</strong> left.
          </p>
          <p>If no browser opened, open <code className="url">{waiting.startUrl}</code> in any browser on this computer.</p>
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="try-status">{running ? 'Try in progress…' : outcome ? summary(outcome) : ''}</p>
      <ErrorNote error={error} label="Try request error" />
      {outcome && !running ? <TryResult outcome={outcome} profileScopes={props.profileScopes} mainClipboard={props.mainClipboard} now={props.now} /> : null}
    </div>
  );
}
