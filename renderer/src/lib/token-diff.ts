/**
 * What changed between two tokens of the same kind (before and after a refresh). A refresh is
 * expected to mint new jti/iat/exp (and auth_time stays); anything else that changes, such as
 * groups, roles or scopes, is flagged as unexpected so the person notices it.
 */
export interface ClaimChange {
  claim: string;
  kind: 'changed' | 'added' | 'removed';
  before?: unknown;
  after?: unknown;
  expected: boolean;
}

const EXPECTED = new Set(['jti', 'iat', 'exp', 'nbf', 'origin_jti', 'event_id', 'at_hash', 'nonce']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffClaims(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): ClaimChange[] {
  if (!before || !after) return [];
  const changes: ClaimChange[] = [];
  for (const claim of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const inBefore = claim in before;
    const inAfter = claim in after;
    if (inBefore && inAfter && same(before[claim], after[claim])) continue;
    const kind = !inBefore ? 'added' : !inAfter ? 'removed' : 'changed';
    changes.push({ claim, kind, ...(inBefore ? { before: before[claim] } : {}), ...(inAfter ? { after: after[claim] } : {}), expected: EXPECTED.has(claim) });
  }
  return changes.sort((a, b) => Number(a.expected) - Number(b.expected) || a.claim.localeCompare(b.claim));
}

/** Two tokens describe the same sign-in (a refresh) rather than a new user: same issuer and subject. */
export function sameSession(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): boolean {
  return Boolean(before && after && before.sub === after.sub && before.iss === after.iss);
}
