/**
 * Every failure the product reports has one of these stable codes. Scripts match on them, the CLI
 * prints them as `error[CODE]`, and the app shows the hint next to them. Add, never rename.
 */
export const ERROR_CODES = [
  // input and configuration
  'BAD_USAGE',
  'INVALID_INPUT',
  'INVALID_CONFIG',
  'PROFILE_NOT_FOUND',
  'PROFILE_EXISTS',
  'INSECURE_ISSUER',
  // loopback and browser
  'PORT_IN_USE',
  'LOGIN_TIMEOUT',
  'LOGIN_CANCELLED',
  'LOGIN_LINK_REUSED',
  'LOGIN_IN_PROGRESS',
  'BROWSER_FAILED',
  // authorization server refusals
  'REDIRECT_MISMATCH',
  'INVALID_SCOPE',
  'UNAUTHORIZED_CLIENT',
  'INVALID_CLIENT',
  'INVALID_GRANT',
  'INVALID_REQUEST',
  'ACCESS_DENIED',
  'PKCE_FAILED',
  'UNSUPPORTED_GRANT_TYPE',
  'IDP_ERROR',
  'SERVER_ERROR',
  'PROVIDER_INVALID_RESPONSE',
  // token validation
  'STATE_MISMATCH',
  'ISSUER_MISMATCH',
  'NONCE_MISMATCH',
  'AUDIENCE_MISMATCH',
  'AZP_MISMATCH',
  'TOKEN_EXPIRED',
  'TOKEN_NOT_YET_VALID',
  'CLOCK_SKEW',
  'UNKNOWN_KID',
  'BAD_SIGNATURE',
  'ALG_NOT_ALLOWED',
  'MISSING_CLAIM',
  'AT_HASH_MISMATCH',
  'SUBJECT_CHANGED',
  'NOT_A_JWT',
  'INVALID_TOKEN',
  'TOKEN_USE_MISMATCH',
  'NO_KEY_SOURCE',
  'ISSUER_NOT_PINNED',
  // transport
  'NETWORK_UNREACHABLE',
  'TLS_FAILURE',
  'HTTP_ERROR',
  'DISCOVERY_FAILED',
  'REQUEST_TIMEOUT',
  'INSECURE_ENDPOINT',
  // A URL the provider handed us (its discovery document's endpoints, a token's iss) is plain http
  // off this machine: the provider's fault (exit 1), unlike INSECURE_ISSUER, an issuer you gave (exit 2).
  'INSECURE_PROVIDER_ENDPOINT',
  // session and storage
  'NOT_SIGNED_IN',
  'SESSION_EXPIRED',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'KEYCHAIN_ERROR',
  // identity pool / AWS
  'GUEST_NOT_ALLOWED',
  'LOGINS_MISMATCH',
  'IDENTITY_POOL_CONFIG',
  'IDENTITY_POOL_NOT_FOUND',
  'ROLE_NOT_ALLOWED',
  'AWS_ERROR',
  // anything else
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes that mean "what you typed or configured is wrong" (the CLI's exit 2), as opposed to a
 * failure to act on (exit 1). INSECURE_ISSUER is an issuer you gave and INSECURE_ENDPOINT a URL you
 * gave or configured (`call`'s target, a profile's API base URL or identity endpoint); a provider's
 * own http endpoint, or a redirect a server sent, is INSECURE_PROVIDER_ENDPOINT, exit 1.
 */
const INPUT_ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['BAD_USAGE', 'INVALID_INPUT', 'INVALID_CONFIG', 'NOT_A_JWT', 'PROFILE_EXISTS', 'PROFILE_NOT_FOUND', 'INSECURE_ISSUER', 'INSECURE_ENDPOINT']);

export function isInputErrorCode(code: ErrorCode): boolean {
  return INPUT_ERROR_CODES.has(code);
}
