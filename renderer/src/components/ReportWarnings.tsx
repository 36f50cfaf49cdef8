import type { Report } from '../lib/report.js';

/** What the core found wrong with a token (decode problems, then warnings), as one list. */
export function ReportWarnings({ report, label }: { report: Report; label: string }) {
  if (!report.problems.length && !report.warnings.length) return null;
  return (
    <ul className="warnings" aria-label={label}>
      {report.problems.map((p, i) => (
        <li key={`p${i}`} className="problem">
          {p.part}: {p.message}
        </li>
      ))}
      {report.warnings.map((w) => (
        <li key={w.code} className="warning">
          {w.message}
        </li>
      ))}
    </ul>
  );
}
