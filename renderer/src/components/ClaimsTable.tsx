import { claimText, countdown, localTime, relative } from '../lib/format.js';
import { isCognitoClaim, type ClaimRow } from '../lib/report.js';
import type { ClaimChange } from '../lib/token-diff.js';

/** Every claim with the core's explanation; times in local time and relative, exp counting down. */
export function ClaimsTable({ claims, changes, now, caption }: { claims: ClaimRow[]; changes: ClaimChange[]; now: number; caption: string }) {
  const changed = new Map(changes.map((c) => [c.claim, c]));
  return (
    <table className="claims">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((c) => {
          const change = changed.get(c.name);
          const seconds = typeof c.value === 'number' && c.time ? c.value * 1000 : undefined;
          return (
            <tr key={c.name} className={change ? (change.expected ? 'changed' : 'changed unexpected') : undefined} data-claim={c.name}>
              <th scope="row">
                {c.name}
                {isCognitoClaim(c.name) ? <span className="tag">Cognito</span> : null}
                {change ? <span className={change.expected ? 'tag new' : 'tag warn'}>{change.expected ? 'new' : 'changed!'}</span> : null}
              </th>
              <td className="value">
                {claimText(c.value)}
                {seconds !== undefined ? (
                  <span className="time">
                    {localTime(seconds)} · {c.name === 'exp' ? (seconds > now ? `expires in ${countdown(seconds, now)}` : countdown(seconds, now)) : relative(seconds, now)}
                  </span>
                ) : null}
                {change && change.kind !== 'added' ? <span className="before">was {claimText(change.before)}</span> : null}
              </td>
              <td className="explain">{c.explanation}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
