import { useState } from 'react';
import { bearerHeader, curlLine } from '../lib/copy-text.js';
import { copyText } from '../lib/inspect.js';

/** Copy the token as it is, as an Authorization header, or as a curl line. */
export function CopyButtons({ token, label, mainClipboard, apiUrl }: { token: string; label: string; mainClipboard: boolean; apiUrl?: string }) {
  const [done, setDone] = useState('');
  const copy = (what: string, text: string) =>
    void copyText(text, mainClipboard).then(
      () => setDone(`Copied ${what}.`),
      (err: unknown) => setDone(`Could not copy: ${err instanceof Error ? err.message : String(err)}`),
    );
  return (
    <div className="copy-row" role="group" aria-label={`Copy the ${label}`}>
      <button type="button" onClick={() => copy(`the raw ${label}`, token)} aria-label={`Copy raw ${label}`}>
        Copy raw
      </button>
      <button type="button" onClick={() => copy('the Authorization header', bearerHeader(token))} aria-label={`Copy ${label} as Authorization header`}>
        Copy <code>Authorization: Bearer …</code>
      </button>
      <button type="button" onClick={() => copy('a curl line', curlLine(token, apiUrl))} aria-label={`Copy ${label} as curl line`}>
        Copy curl
      </button>
      <span className="muted" role="status">
        {done}
      </span>
    </div>
  );
}
