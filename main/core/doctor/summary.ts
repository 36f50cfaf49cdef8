import type { Finding, Status } from './types.js';

/** How a status is shown, in the CLI and the window alike: a failure stands out. */
export const STATUS_MARK: Record<Status, string> = { pass: 'pass', warn: 'warn', fail: 'FAIL', skip: 'skip' };

/** How many findings have each status. */
export function tally(checks: readonly Finding[]): Record<Status, number> {
  const counts: Record<Status, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const c of checks) counts[c.status] += 1;
  return counts;
}
