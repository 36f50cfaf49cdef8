// The token inspector: decode (never verify), explain, warn, verify (explicitly), format.
export { decodeToken, MAX_TOKEN_CHARS } from './decode.js';
export { explainClaims } from './explain-claims.js';
export type { ExplainOptions } from './explain-claims.js';
export { warningsFor } from './warnings.js';
export type { WarningOptions } from './warnings.js';
export { verifyToken, CLOCK_TOLERANCE_SECONDS } from './verify.js';
export type { VerifyOptions } from './verify.js';
export { formatInspectReport } from './format.js';
export type { FormatOptions } from './format.js';
export { inspectExitCode, inspectReportJson } from './report.js';
export { CLAIM_CATALOG } from './claim-catalog.js';
export type {
  ClaimExplanation, ClaimTime, CheckName, DecodedToken, DecodeProblem, InspectReportInput, TokenUse, Verification,
  VerificationCheck, Warning,
} from './types.js';
