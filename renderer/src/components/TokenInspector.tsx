import { useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../main/core/errors/app-error.js';
import { inspectToken, type VerifyWith } from '../lib/inspect.js';
import { jwtParts } from '../lib/jwt.js';
import { matchedKid, type Report } from '../lib/report.js';
import { diffClaims } from '../lib/token-diff.js';
import { ClaimsTable } from './ClaimsTable.js';
import { CopyButtons } from './CopyButtons.js';
import { ErrorNote } from './ErrorNote.js';
import { ReportWarnings } from './ReportWarnings.js';

const STATUS_TEXT = {
  valid: 'Signature verified',
  invalid: 'Invalid',
  unverified: 'Not verified',
  unpinned: 'Signed by the keys its own issuer publishes (not pinned)',
} as const;

/** Signature status in words that are true for what was checked. */
function SignatureStatus({ report }: { report: Report }) {
  const v = report.verification;
  if (!v) return <p className="sig unverified">Decoded locally only: the signature was not checked and nothing was contacted.</p>;
  const kid = matchedKid(report);
  return (
    <div className={`sig ${v.status}`} role="status" aria-label="Signature status">
      <strong>{STATUS_TEXT[v.status] ?? v.status}</strong>
      {v.status === 'valid' || v.status === 'unpinned' ? (
        <span>
          {' '}
          against the JWKS {v.keySource ? <>from <code>{v.keySource}</code></> : null}
          {kid ? <> with kid <code>{kid}</code></> : null}
        </span>
      ) : null}
      {v.error ? (
        <span>
          : {v.error.message} <span className="hint">{v.error.hint}</span>
        </span>
      ) : null}
    </div>
  );
}

export function RawToken({ token }: { token: string }) {
  const parts = jwtParts(token);
  // Focusable: the box scrolls, and keyboard users must be able to scroll it too.
  if (!parts) return <code className="raw" tabIndex={0}>{token}</code>;
  return (
    <code className="raw" tabIndex={0} aria-label="Raw token: header, payload and signature">
      <span className="part-header">{parts.header}</span>.<span className="part-payload">{parts.payload}</span>.<span className="part-signature">{parts.signature}</span>
    </code>
  );
}

/** One token: raw and coloured, copy actions, header and signature, claims (or JSON), warnings, and what changed. */
export function TokenInspector(props: {
  token: string;
  label: string;
  verify: VerifyWith;
  previous?: Record<string, unknown> | undefined;
  mainClipboard: boolean;
  now: number;
  apiUrl?: string;
}) {
  const [report, setReport] = useState<Report | undefined>();
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [json, setJson] = useState(false);
  const verifyKey = JSON.stringify(props.verify ?? null);
  useEffect(() => {
    let live = true;
    void inspectToken(props.token, props.verify).then((r) => {
      if (!live) return;
      setReport(r.report);
      setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [props.token, verifyKey]);

  const changes = diffClaims(props.previous, report?.payload ?? undefined);
  const unexpected = changes.filter((c) => !c.expected);
  const headingId = `${props.label.replace(/\W+/g, '-').toLowerCase()}-heading`;
  return (
    <article className="token" aria-labelledby={headingId}>
      <h3 id={headingId}>{props.label}</h3>
      <RawToken token={props.token} />
      <CopyButtons token={props.token} label={props.label} mainClipboard={props.mainClipboard} {...(props.apiUrl ? { apiUrl: props.apiUrl } : {})} />
      <ErrorNote error={error} />
      {report ? (
        <>
          <div className="token-head">
            <span>
              alg <code>{String(report.header?.alg ?? '—')}</code>
            </span>
            <span>
              kid <code>{String(report.header?.kid ?? '—')}</code>
            </span>
            <SignatureStatus report={report} />
          </div>
          <ReportWarnings report={report} label={`Warnings about the ${props.label}`} />
          {changes.length ? (
            <div className={unexpected.length ? 'diff unexpected' : 'diff'} role="note" aria-label={`Changes in the ${props.label} after the refresh`}>
              <strong>Changed by the last refresh:</strong> {changes.map((c) => c.claim).join(', ')}
              {unexpected.length ? <> — unexpected: {unexpected.map((c) => c.claim).join(', ')}</> : null}
            </div>
          ) : null}
          <div className="view-toggle">
            <button type="button" aria-pressed={json} onClick={() => setJson(!json)}>
              {json ? 'Show claims table' : 'Show JSON'}
            </button>
          </div>
          {json ? (
            <pre className="json" aria-label={`${props.label} JSON`}>
              {JSON.stringify({ header: report.header, payload: report.payload }, null, 2)}
            </pre>
          ) : (
            <ClaimsTable claims={report.claims} changes={changes} now={props.now} caption={`${props.label} claims`} />
          )}
        </>
      ) : null}
    </article>
  );
}
