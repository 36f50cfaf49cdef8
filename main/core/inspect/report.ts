import type { DecodedToken, InspectReportInput, Verification } from './types.js';

/**
 * Exit status for `inspect`: 0 valid, or well-formed but unverified (no keys to check with; the
 * report says so); 1 invalid (a JWT that fails a check or has any decode problem); 2 not a JWT at all
 * (opaque, encrypted, garbage, empty).
 */
export function inspectExitCode(decoded: DecodedToken, v: Verification | undefined): 0 | 1 | 2 {
  if (decoded.kind !== 'jwt') return 2;
  if (!decoded.header || !decoded.payload || decoded.problems.length > 0) return 1;
  if (v?.status === 'invalid') return 1;
  return 0;
}

/**
 * The stable `--json` document. The raw token is left out on purpose: reports get pasted into
 * tickets, and the token is a bearer credential.
 */
export function inspectReportJson(r: InspectReportInput): object {
  const d = r.decoded;
  return {
    kind: d.kind,
    length: d.raw.length,
    signaturePresent: d.signaturePresent,
    notes: d.notes,
    problems: d.problems,
    header: d.header ?? null,
    ...(d.headerText !== undefined ? { headerText: d.headerText } : {}),
    payload: d.payload ?? null,
    ...(d.payloadText !== undefined ? { payloadText: d.payloadText } : {}),
    claims: r.claims,
    warnings: r.warnings,
    verification: r.verification ?? null,
    exitCode: inspectExitCode(d, r.verification),
  };
}
