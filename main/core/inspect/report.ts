import { isInputErrorCode } from '../errors/codes.js';
import type { ClaimExplanation, DecodedToken, DecodeProblem, InspectReportInput, Verification, Warning } from './types.js';

/** The stable `--json` document of `inspect`, and the window's `inspect:token` answer. */
export interface InspectReportJson {
  kind: DecodedToken['kind'];
  length: number;
  signaturePresent: boolean;
  notes: string[];
  problems: DecodeProblem[];
  header: Record<string, unknown> | null;
  headerText?: string;
  payload: Record<string, unknown> | null;
  payloadText?: string;
  claims: ClaimExplanation[];
  warnings: Warning[];
  /** null: decoded only, no verification attempted (and no network used). */
  verification: Verification | null;
  exitCode: 0 | 1 | 2;
}

/**
 * Exit status for `inspect`, so a script can trust 0: 0 valid (keys the person pinned), or a
 * well-formed JWT that was only decoded (`--offline`: nothing was claimed); 1 anything short of valid:
 * invalid (a check failed, or any decode problem), unpinned (signed by keys the token's own issuer
 * publishes; anyone can run an issuer) or unverified (no usable keys); 2 not a JWT at all (opaque,
 * encrypted, garbage, empty), or a key source the person gave that is refused (`--issuer http://…`).
 */
export function inspectExitCode(decoded: DecodedToken, v: Verification | undefined): 0 | 1 | 2 {
  if (decoded.kind !== 'jwt') return 2;
  if (!decoded.header || !decoded.payload || decoded.problems.length > 0) return 1;
  if (v?.error && isInputErrorCode(v.error.code)) return 2;
  if (v !== undefined && v.status !== 'valid') return 1;
  return 0;
}

/**
 * The stable `--json` document. The raw token is left out on purpose: reports get pasted into
 * tickets, and the token is a bearer credential.
 */
export function inspectReportJson(r: InspectReportInput): InspectReportJson {
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
