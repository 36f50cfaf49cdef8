import type { ErrorInfo } from '../errors/app-error.js';

/** Where a decode problem sits. `offset` is a character index into `DecodedToken.raw`. */
export interface DecodeProblem {
  part: 'header' | 'payload' | 'signature' | 'token';
  offset?: number;
  message: string;
}

/**
 * What decoding found, as far as it got. Decoding never verifies anything: a `header` and
 * `payload` here only mean the bytes parsed, not that anyone signed them.
 */
export interface DecodedToken {
  kind: 'jwt' | 'jwe' | 'opaque' | 'not-a-jwt';
  /** The token after trimming whitespace, quotes and a `Bearer ` prefix (see `notes`). */
  raw: string;
  header?: Record<string, unknown>;
  payload?: Record<string, unknown>;
  /** Decoded text of a part that did not parse as a JSON object, so a reader can still see it. */
  headerText?: string;
  payloadText?: string;
  signaturePresent: boolean;
  problems: DecodeProblem[];
  /** What was cleaned up from the input, and facts about the kind (JWE, opaque). Not problems. */
  notes: string[];
}

export interface ClaimTime {
  utc: string;
  local: string;
  relative: string;
}

export interface ClaimExplanation {
  name: string;
  value: unknown;
  explanation: string;
  time?: ClaimTime;
}

export interface Warning {
  code: string;
  message: string;
}

export type TokenUse = 'id' | 'access';

export type CheckName = 'signature' | 'kid' | 'alg' | 'iss' | 'aud' | 'exp' | 'nbf' | 'iat' | 'token_use';

export interface VerificationCheck {
  name: CheckName;
  ok: boolean;
  detail: string;
  /** Not a pass: nothing was compared (no expected issuer / audience); shown with a neutral marker. */
  skipped?: true;
  /** Not a failure, not a pass either (a non-Cognito token with no exp): shown with a warning marker. */
  warning?: true;
}

/**
 * `valid`: every check passed with keys the person chose (an issuer or JWKS they pinned, or the
 * issuer of a saved profile). `unpinned`: every check passed, but the keys were found through the
 * token's own `iss`, so they prove only that whoever runs that issuer signed it (anyone can run one).
 * `invalid`: a check failed. `unverified`: no keys could be used (the reason is in `error`).
 */
export type VerificationStatus = 'valid' | 'unpinned' | 'invalid' | 'unverified';

export interface Verification {
  status: VerificationStatus;
  /** Where the keys came from: a URL, or "the JWK given" / "the JWKS given". */
  keySource?: string;
  /** Who chose the keys, when the person did: "the issuer given", "saved profile \"prod\"", … */
  pinnedBy?: string;
  /** The clock skew allowed for exp, nbf and iat. */
  clockToleranceSeconds: number;
  checks: VerificationCheck[];
  /** Why the token is invalid (first failed check) or why it could not be verified. */
  error?: ErrorInfo;
}

export interface InspectReportInput {
  decoded: DecodedToken;
  claims: ClaimExplanation[];
  warnings: Warning[];
  verification?: Verification;
}
