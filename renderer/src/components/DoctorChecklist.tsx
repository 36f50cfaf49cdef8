import type { InvokeResponses } from '../../../main/core/ipc/contract.js';
import { STATUS_MARK, tally } from '../../../main/core/doctor/summary.js';

type Report = InvokeResponses['tester:doctor'];

/**
 * `doctor`'s checklist as the CLI prints it (Cognito's order: discovery, the authorize endpoint, the
 * token endpoint, the identity pool, the session, then the admin reads), with the counts first so a
 * person sees at once whether anything failed, and each fix under its failure.
 */
export function DoctorChecklist({ report }: { report: Report }) {
  const n = tally(report.checks);
  return (
    <div className="doctor">
      <p role="status" className={n.fail ? 'doctor-summary bad' : 'doctor-summary'}>
        {n.fail ? `${n.fail} failed` : 'Nothing failed'}, {n.warn} warning{n.warn === 1 ? '' : 's'}, {n.pass} passed, {n.skip} skipped
      </p>
      <ul aria-label="Doctor checklist" className="checklist">
        {report.checks.map((c, i) => (
          <li key={i} className={`finding finding-${c.status}`}>
            <strong className="finding-status">{STATUS_MARK[c.status]}</strong> {c.id} <code>{c.subject}</code>: {c.message}
            {c.fix && c.status !== 'pass' ? <div className="finding-fix">fix: {c.fix}</div> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
