import { useCallback, useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../main/core/errors/app-error.js';
import type { Exchange } from '../../../main/core/ipc/contract.js';
import { bridge } from '../api.js';

/**
 * The request timeline: every exchange this profile's sign-ins, refreshes and revocations made,
 * newest first, each expandable to its (redacted) headers and bodies; "Save as HAR" downloads them.
 */
export function TimelineTab({ profile }: { profile: string }) {
  const [entries, setEntries] = useState<Exchange[]>([]);
  const [error, setError] = useState<ErrorInfo | undefined>();

  const load = useCallback(async () => {
    const res = await bridge().invoke('timeline:list', { profile });
    if (res.ok) {
      setEntries(res.value);
      setError(undefined);
    } else setError(res.error);
  }, [profile]);

  useEffect(() => {
    void load();
    // A sign-in or refresh adds exchanges: reload when the session changes.
    return bridge().on('session:changed', (s) => {
      if (s.profile === profile) void load();
    });
  }, [load, profile]);

  async function saveHar(): Promise<void> {
    const res = await bridge().invoke('timeline:har', { profile });
    if (!res.ok) return setError(res.error);
    const url = URL.createObjectURL(new Blob([res.value.content], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = res.value.fileName;
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">Timeline</h3>
      <p>
        Requests made for <strong>{profile}</strong>, newest first. Codes, tokens, secrets and cookies show as <code>‹redacted:xxxx›</code>: the same value always
        gives the same fingerprint.
      </p>
      <p>
        <button type="button" onClick={() => void load()}>Refresh</button>{' '}
        <button type="button" onClick={() => void saveHar()} disabled={entries.length === 0}>Save as HAR</button>
      </p>
      {error ? <p role="alert">{error.code}: {error.message} {error.hint}</p> : null}
      {entries.length === 0 ? <p>No requests yet: sign in or refresh to see them.</p> : null}
      <ol className="timeline">
        {entries.map((e) => (
          <li key={e.id}>
            <details>
              <summary>
                {e.context ? <span className="timeline-context">{e.context}</span> : null} <code>{e.method} {e.url}</code> {e.status ?? (e.kind === 'browser' ? 'browser' : `failed: ${e.error ?? ''}`)} · {Math.round(e.durationMs)} ms ·{' '}
                {new Date(e.startedAt).toLocaleTimeString()}
              </summary>
              <Part title="Request" headers={e.request.headers} body={e.request.body} />
              {e.response ? <Part title="Response" headers={e.response.headers} body={e.response.body} /> : null}
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Part({ title, headers, body }: { title: string; headers: Array<[string, string]>; body?: string | undefined }) {
  return (
    <div>
      <h4>{title}</h4>
      <pre>{headers.map(([k, v]) => `${k}: ${v}`).join('\n')}{body !== undefined ? `\n\n${body}` : ''}</pre>
    </div>
  );
}
