import { useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../main/core/errors/app-error.js';
import { ClaimsTable } from '../components/ClaimsTable.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { ReportWarnings } from '../components/ReportWarnings.js';
import { RawToken } from '../components/TokenInspector.js';
import { inspectToken, type VerifyWith } from '../lib/inspect.js';
import type { Report } from '../lib/report.js';

/**
 * "Inspect any token": decoded locally, nothing contacted. Verification happens only when the
 * person types an issuer or JWKS URL and asks for it, and then only that URL is contacted.
 */
export function InspectTab({ now }: { now: number }) {
  const [token, setToken] = useState('');
  const [keyUrl, setKeyUrl] = useState('');
  const [kind, setKind] = useState<'issuer' | 'jwksUrl'>('issuer');
  const [verify, setVerify] = useState<VerifyWith>(undefined);
  const [report, setReport] = useState<Report | undefined>();
  const [error, setError] = useState<ErrorInfo | undefined>();

  useEffect(() => {
    const t = token.trim();
    if (!t) {
      setReport(undefined);
      setError(undefined);
      return;
    }
    let live = true;
    void inspectToken(t, verify).then((r) => {
      if (!live) return;
      setReport(r.report);
      setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [token, verify]);

  const onDrop = (e: React.DragEvent) => {
    const file = e.dataTransfer.files[0];
    if (!file) return;
    e.preventDefault();
    if (file.size > 65536) return setError({ code: 'INVALID_INPUT', message: `${file.name} is larger than a token can be`, hint: 'drop a file that holds just the token' });
    void file.text().then((text) => {
      setVerify(undefined);
      setToken(text.trim());
    });
  };

  return (
    <section className="inspect" aria-labelledby="inspect-heading">
      <h3 id="inspect-heading">Inspect any token</h3>
      <label htmlFor="paste">Token (paste a JWT, or drop a file holding one): decoded in this app, sent nowhere</label>
      <textarea
        id="paste"
        rows={4}
        spellCheck={false}
        value={token}
        onDrop={onDrop}
        onChange={(e) => {
          setVerify(undefined);
          setToken(e.target.value);
        }}
      />
      <form
        className="verify-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (keyUrl.trim()) setVerify(kind === 'issuer' ? { issuer: keyUrl.trim() } : { jwksUrl: keyUrl.trim() });
        }}
      >
        <fieldset>
          <legend>Verify the signature (optional)</legend>
          <label>
            <input type="radio" name="key-kind" checked={kind === 'issuer'} onChange={() => setKind('issuer')} /> Issuer URL
          </label>
          <label>
            <input type="radio" name="key-kind" checked={kind === 'jwksUrl'} onChange={() => setKind('jwksUrl')} /> JWKS URL
          </label>
          <label htmlFor="key-url" className="sr-only">
            {kind === 'issuer' ? 'Issuer URL' : 'JWKS URL'}
          </label>
          <input id="key-url" type="url" placeholder={kind === 'issuer' ? 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_…' : 'https://…/.well-known/jwks.json'} value={keyUrl} onChange={(e) => setKeyUrl(e.target.value)} />
          <button type="submit" disabled={!token.trim() || !keyUrl.trim()}>
            Verify against this URL
          </button>
        </fieldset>
        <p className="muted">Only the URL you type here is contacted, and only when you press Verify.</p>
      </form>
      <ErrorNote error={error} />
      {report && token.trim() ? (
        <div className="token">
          <RawToken token={token.trim()} />
          <p className="muted">
            {report.kind === 'jwt' ? `A JWT, alg ${String(report.header?.alg ?? '—')}, kid ${String(report.header?.kid ?? '—')}.` : `Not a readable JWT (${report.kind}).`}{' '}
            {report.verification
              ? `Signature: ${report.verification.status}${report.verification.keySource ? ` (keys from ${report.verification.keySource})` : ''}${report.verification.error ? `: ${report.verification.error.message}` : ''}.`
              : 'Signature not checked.'}
          </p>
          <ReportWarnings report={report} label="Warnings about the pasted token" />
          <ClaimsTable claims={report.claims} changes={[]} now={now} caption="Pasted token claims" />
        </div>
      ) : null}
    </section>
  );
}
