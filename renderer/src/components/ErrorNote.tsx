import type { ErrorInfo } from '../../../main/core/errors/app-error.js';

/** An error as the core reports it: code, message and what to change. Never a stack trace. */
export function ErrorNote({ error, label }: { error: ErrorInfo | undefined; label?: string }) {
  if (!error) return null;
  return (
    <div className="error-note" role="alert" aria-label={label ?? 'Error'}>
      <p>
        <code className="code">{error.code}</code> {error.message}
      </p>
      {error.hint ? <p className="hint">{error.hint}</p> : null}
    </div>
  );
}
