import type { InvokeResponses } from '../../../main/core/ipc/contract.js';

type Report = InvokeResponses['tester:doctor'];

const LABEL = { pass: 'pass', warn: 'warn', fail: 'FAIL', skip: 'skip' } as const;

/**
 * `doctor`'s checklist as the CLI prints it (Cognito's order: discovery, the authorize endpoint, the
 * token endpoint, the identity pool, the session, then the admin reads), with the counts first so a
 * person sees at once whether anything failed, and each fix under its failure.
 */
export function DoctorChecklist({ report }: { report: Report }) {
  const count = (s: keyof typeof LABEL) => report.checks.filter((c) => c.status === s).length;
  const failed = count('fail');
  return (
    <div className="doctor">
      <p role="status" className={failed ? 'doctor-summary bad' : 'doctor-summary'}>
        {failed ? `${failed} failed` : 'Nothing failed'}, {count('warn')} warning{count('warn') === 1 ? '' : 's'}, {count('pass')} passed, {count('skip')} skipped
      </p>
      <ul aria-label="Doctor checklist" className="checklist">
        {report.checks.map((c, i) => (
          <li key={i} className={`finding finding-${c.status}`}>
            <strong className="finding-status">{LABEL[c.status]}</strong> {c.id} <code>{c.subject}</code>: {c.message}
            {c.fix && c.status !== 'pass' ? <div className="finding-fix">fix: {c.fix}</div> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
