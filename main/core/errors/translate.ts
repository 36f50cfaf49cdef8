import { AppError, isAppError } from './app-error.js';
import type { ErrorCode } from './codes.js';
import { clip, type TranslateContext } from './translate-context.js';
import { clientErrorToAppError } from './translate-jwt.js';
import { networkErrorToAppError } from './translate-network.js';
import { oauthErrorToAppError } from './translate-oauth.js';

export type { TranslateContext } from './translate-context.js';

const JOSE_CODES: Record<string, [ErrorCode, string, string]> = {
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: ['BAD_SIGNATURE', 'The token signature does not verify.', 'The token was altered or signed by another key; check the issuer.'],
  ERR_JWKS_NO_MATCHING_KEY: ['UNKNOWN_KID', 'No key in the JWKS matches the token\'s kid.', 'Check the issuer / JWKS URL; the key may have been rotated out.'],
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: ['UNKNOWN_KID', 'Several JWKS keys match a token without kid.', 'The provider must put a kid in the token header.'],
  ERR_JWT_EXPIRED: ['TOKEN_EXPIRED', 'The token has expired.', "Sign in again; if it just arrived, check this computer's clock."],
  ERR_JOSE_ALG_NOT_ALLOWED: ['ALG_NOT_ALLOWED', 'The token uses a signing algorithm that is not allowed.', 'The provider must sign with an advertised asymmetric algorithm (Cognito: RS256).'],
  ERR_JWS_INVALID: ['INVALID_TOKEN', 'The token is not a valid JWS.', 'Check that the whole token was copied.'],
  ERR_JWT_INVALID: ['INVALID_TOKEN', 'The token is not a valid JWT.', 'Check that the whole token was copied.'],
  ERR_JOSE_NOT_SUPPORTED: ['ALG_NOT_ALLOWED', 'The token uses an unsupported algorithm or key type.', 'The provider must sign with a standard algorithm (Cognito: RS256).'],
};

const JOSE_CLAIMS: Record<string, ErrorCode> = { iss: 'ISSUER_MISMATCH', aud: 'AUDIENCE_MISMATCH', nbf: 'TOKEN_NOT_YET_VALID', iat: 'CLOCK_SKEW', sub: 'MISSING_CLAIM' };

function joseError(err: { code: string; claim?: unknown; reason?: unknown }): AppError | undefined {
  if (err.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    const claim = typeof err.claim === 'string' ? err.claim : 'unknown';
    const code: ErrorCode = err.reason === 'missing' ? 'MISSING_CLAIM' : (JOSE_CLAIMS[claim] ?? 'INVALID_TOKEN');
    return new AppError(code, `The token's "${claim}" claim failed validation (${String(err.reason ?? 'check failed')}).`,
      code === 'CLOCK_SKEW' || code === 'TOKEN_NOT_YET_VALID' ? "Check this computer's clock." : 'Check the issuer and client id the token is validated against.',
      { cause: err, details: { claim } });
  }
  const known = JOSE_CODES[err.code];
  return known ? new AppError(known[0], known[1], known[2], { cause: err, details: { libraryCode: err.code } }) : undefined;
}

function hasCode(err: unknown): err is Error & { code: string } {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'string';
}

/**
 * The one boundary where library errors become AppErrors: openid-client / oauth4webapi errors,
 * jose errors, fetch/socket/TLS failures. Everything unknown becomes INTERNAL with the original
 * kept as `cause` (not serialised, so no secret can leak through it).
 */
export function toAppError(err: unknown, context: TranslateContext = {}): AppError {
  if (isAppError(err)) return err;
  if (err instanceof Error) {
    const e = err as Error & { error?: unknown; error_description?: unknown; code?: unknown; status?: unknown };
    // ResponseBodyError (token/revocation endpoint body) and AuthorizationResponseError (error= callback).
    if ((e.code === 'OAUTH_RESPONSE_BODY_ERROR' || e.code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR') && typeof e.error === 'string') {
      const description = typeof e.error_description === 'string' ? e.error_description : undefined;
      return oauthErrorToAppError(e.error, description, context, err);
    }
    if (e.code === 'OAUTH_WWW_AUTHENTICATE_CHALLENGE') {
      return e.status === 401
        ? oauthErrorToAppError('invalid_client', undefined, context, err)
        : new AppError('HTTP_ERROR', `The provider answered with an authentication challenge (HTTP ${String(e.status)}).`, 'Check the client credentials.', { cause: err });
    }
    if (err.name === 'TimeoutError') return toAppError(Object.assign(new Error('timeout', { cause: err }), { code: 'OAUTH_TIMEOUT' }), context);
    if (err.name === 'AbortError') return new AppError('LOGIN_CANCELLED', 'The sign-in was cancelled.', 'Start the sign-in again when ready.', { cause: err });
  }
  const network = networkErrorToAppError(err, context);
  if (network) return network;
  if (hasCode(err)) {
    const translated = err.code.startsWith('OAUTH_') ? clientErrorToAppError(err, context) : err.code.startsWith('ERR_J') ? joseError(err) : undefined;
    if (translated) return translated;
  }
  const message = err instanceof Error ? clip(err.message) : clip(String(err));
  return new AppError('INTERNAL', `Unexpected error: ${message}`, 'Run again with --debug and report the output.', { cause: err });
}
