import { useState } from 'react';
import type { SignInWaiting } from '../../../main/core/ipc/contract.js';
import type { ErrorInfo } from '../../../main/core/errors/app-error.js';
import { bridge } from '../api.js';
import { countdown } from '../lib/format.js';
import { ErrorNote } from './ErrorNote.js';

/** While the browser is open for the sign-in: where to go, how long is left, and a way out. */
export function WaitingPanel({ waiting, now }: { waiting: SignInWaiting; now: number }) {
  const [error, setError] = useState<ErrorInfo | undefined>();
  return (
    <section className="waiting" aria-label="Waiting for the browser sign-in">
      <p>
        {waiting.browserError ? `The browser could not be started (${waiting.browserError.message}).` : 'Waiting for you to sign in in your browser…'}{' '}
        <strong>{countdown(waiting.deadline, now)}</strong> left.
      </p>
      <p>
        If no browser opened, open <code className="url">{waiting.startUrl}</code> in any browser on this computer.
      </p>
      <button
        type="button"
        data-shortcut="Escape"
        onClick={() => void bridge().invoke('auth:cancel', { profile: waiting.profile }).then((r) => !r.ok && setError(r.error))}
      >
        Cancel sign-in
      </button>
      <ErrorNote error={error} />
    </section>
  );
}
