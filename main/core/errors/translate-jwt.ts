import { AppError } from './app-error.js';
import type { ErrorCode } from './codes.js';
import { PROVIDER_HTTP_HINT } from '../net/egress.js';
import { clip, type TranslateContext } from './translate-context.js';

interface Inner { message: string; claim?: string; expected?: unknown; status?: number; contentType?: string }

/** openid-client wraps oauth4webapi's OperationProcessingError; its cause carries the claim name. */
function inner(err: { message: string; cause?: unknown }): Inner {
  const c = err.cause as { message?: unknown; cause?: unknown; status?: unknown; headers?: unknown } | undefined;
  const deep = (typeof c?.cause === 'object' && c.cause !== null ? c.cause : c) as Record<string, unknown> | undefined;
  const out: Inner = { message: typeof c?.message === 'string' ? c.message : err.message };
  if (typeof deep?.claim === 'string') out.claim = deep.claim;
  if (typeof deep?.expected === 'string' || Array.isArray(deep?.expected)) out.expected = deep.expected;
  // For "not conform"/"not JSON" the cause is the Response itself.
  if (typeof c?.status === 'number') out.status = c.status;
  if (c?.headers instanceof Headers) out.contentType = c.headers.get('content-type') ?? undefined;
  return out;
}

const CLOCK_HINT = "Check this computer's clock (it must be within a few seconds of real time; enable automatic time sync).";

function claimMismatch(claim: string | undefined, expected: unknown, ctx: TranslateContext): [ErrorCode, string, string] {
  switch (claim) {
    case 'iss':
      return ['ISSUER_MISMATCH', `The ID token was issued by another issuer than ${String(expected ?? ctx.issuer)}.`,
        'Set the profile issuer to exactly the value the provider puts in "iss" (for Cognito https://cognito-idp.<region>.amazonaws.com/<poolId>, no trailing slash).'];
    case 'aud':
      return ['AUDIENCE_MISMATCH', `The ID token is not meant for client ${ctx.clientId ?? String(expected)}.`,
        'Check the client id in the profile: it must be the app client the token was issued to.'];
    case 'azp':
      return ['AZP_MISMATCH', 'The ID token names another authorized party (azp).', 'Check the client id in the profile.'];
    case 'nonce':
      return ['NONCE_MISMATCH', 'The ID token nonce does not match this sign-in attempt.',
        'Sign in again from a fresh attempt; a replayed or mixed-up response was rejected.'];
    case 'sub':
      return ['SUBJECT_CHANGED', 'The token belongs to a different user than expected.', 'Sign in again.'];
    default:
      return ['INVALID_TOKEN', `The ID token claim ${claim ?? '(unknown)'} has an unexpected value.`, 'Sign in again; if it persists the provider issues non-conforming tokens.'];
  }
}

/** openid-client ClientError / oauth4webapi OperationProcessingError codes. */
export function clientErrorToAppError(err: Error & { code: string }, ctx: TranslateContext): AppError | undefined {
  const i = inner(err);
  const make = (code: ErrorCode, message: string, hint: string, details?: Record<string, unknown>) =>
    new AppError(code, message, hint, { cause: err, details: { libraryCode: err.code, ...details } });
  switch (err.code) {
    case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
      return i.claim === 'nbf'
        ? make('TOKEN_NOT_YET_VALID', 'The ID token is not valid yet (nbf is in the future).', CLOCK_HINT, { claim: 'nbf' })
        : make('TOKEN_EXPIRED', 'The ID token had already expired when it arrived.', CLOCK_HINT, { claim: i.claim ?? 'exp' });
    case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED': {
      const [code, message, hint] = claimMismatch(i.claim, i.expected, ctx);
      return make(code, message, hint, { claim: i.claim });
    }
    case 'OAUTH_KEY_SELECTION_FAILED':
      return /multiple/.test(i.message)
        ? make('UNKNOWN_KID', 'The ID token has no "kid" and the JWKS has several matching keys.', 'The provider must put a kid in its token headers when it publishes several keys.')
        : make('UNKNOWN_KID', 'The ID token was signed with a key that is not in the provider\'s JWKS, even after re-fetching it.',
          'The provider signs with an unpublished key, or the issuer points at the wrong JWKS; check the jwks_uri of the issuer.');
    case 'OAUTH_INVALID_RESPONSE':
    case 'OAUTH_PARSE_ERROR':
      return invalidResponse(i, make);
    case 'OAUTH_RESPONSE_IS_NOT_CONFORM':
      return make(i.status !== undefined && i.status >= 500 ? 'SERVER_ERROR' : 'HTTP_ERROR',
        `The ${ctx.stage ?? 'identity provider'} endpoint answered with unexpected HTTP status${i.status === undefined ? '' : ` ${i.status}`}.`,
        'The provider is failing or the URL points at something else; check the issuer URL and try again later.', { status: i.status });
    case 'OAUTH_RESPONSE_IS_NOT_JSON':
      return make('SERVER_ERROR', `The ${ctx.stage ?? 'identity provider'} endpoint did not answer with JSON${i.contentType ? ` (${i.contentType})` : ''}.`,
        'A proxy or a wrong URL may be in the way; check the issuer URL and try again later.');
    case 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED':
      return make('ISSUER_MISMATCH', `The discovery document names a different issuer than ${ctx.issuer ?? 'the configured one'}.`,
        'Use the exact issuer from the discovery document (check trailing slash and case).');
    case 'OAUTH_HTTP_REQUEST_FORBIDDEN':
    case 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN':
      return make('INSECURE_PROVIDER_ENDPOINT', 'An endpoint the issuer advertises is not https.', PROVIDER_HTTP_HINT);
    case 'OAUTH_TIMEOUT':
      return make('REQUEST_TIMEOUT', `The ${ctx.stage ?? 'identity provider'} request timed out.`, 'The provider is slow or unreachable; try again, or check proxies and the network.');
    case 'OAUTH_ABORT':
      return make('LOGIN_CANCELLED', 'The request was cancelled.', 'Start again when ready.');
    case 'OAUTH_UNSUPPORTED_OPERATION':
      return unsupported(err, ctx, make);
    case 'OAUTH_MISSING_SERVER_METADATA':
    case 'OAUTH_INVALID_SERVER_METADATA':
      return make('DISCOVERY_FAILED', `The issuer's discovery document is incomplete: ${i.message}.`, 'Check the issuer URL; it must serve a full OpenID Connect discovery document.');
    default:
      return undefined;
  }
}

const PROVIDER_FAULT = 'This is the identity provider\'s doing, not a fault of Cognito Inspector';

/**
 * oauth4webapi refuses what it cannot safely process. During a sign-in or refresh that is something
 * the provider sent (a token type, a JWS header, a key, an encrypted token), so it is named as the
 * provider's fault with what to check; only an unrecognised refusal stays INTERNAL.
 */
function unsupported(err: Error, ctx: TranslateContext, make: (c: ErrorCode, m: string, h: string, d?: Record<string, unknown>) => AppError): AppError {
  const own = err as Error & { cause?: unknown };
  const message = String((own.cause as { message?: unknown } | undefined)?.message ?? err.message);
  // The library error (or its wrapped cause) carries what the provider sent: the header or the body.
  const sent = [own.cause, (own.cause as { cause?: unknown } | undefined)?.cause].find((c) => typeof c === 'object' && c !== null && ('header' in c || 'body' in c)) as
    { header?: { crit?: unknown }; body?: { token_type?: unknown } } | undefined;
  const provider = ctx.issuer ? `the identity provider (${ctx.issuer})` : 'the identity provider';
  if (/"crit"/.test(message)) {
    const crit = Array.isArray(sent?.header?.crit) ? sent.header.crit.map((c) => clip(String(c), 80)).slice(0, 5) : [];
    return make('PROVIDER_INVALID_RESPONSE',
      `The ID token from ${provider} marks a header extension as critical${crit.length ? ` (crit: ${crit.join(', ')})` : ''}, which must be refused when not understood (RFC 7515).`,
      `${PROVIDER_FAULT}: check the provider's ID token signing settings (Cognito never sets "crit"); no client can accept this token.`, { crit });
  }
  if (/token_type/.test(message)) {
    const tokenType = typeof sent?.body?.token_type === 'string' ? clip(sent.body.token_type, 40) : undefined;
    return make('PROVIDER_INVALID_RESPONSE', `The token endpoint of ${provider} answered with token_type "${tokenType ?? '?'}"; only Bearer tokens can be used.`,
      `${PROVIDER_FAULT}: check that the issuer URL points at an OAuth 2.0 provider issuing Bearer tokens (Cognito always does) and that no proxy rewrites its answers.`, { tokenType });
  }
  if (/JWE/.test(message)) {
    return make('PROVIDER_INVALID_RESPONSE', `The ID token from ${provider} is encrypted (JWE), which this app does not support.`,
      `${PROVIDER_FAULT}: turn off ID token encryption for this client at the provider (Cognito never encrypts ID tokens).`);
  }
  if (/alg|JWS/i.test(message)) {
    return make('ALG_NOT_ALLOWED', 'The ID token uses a signing algorithm that is not allowed.', 'The provider must sign ID tokens with an asymmetric algorithm it advertises (Cognito: RS256).');
  }
  if (/key type|KeyAlgorithm|CryptoKey|namedCurve|modulusLength|hash name/.test(message)) {
    return make('PROVIDER_INVALID_RESPONSE', `A signing key published by ${provider} is of an unsupported type (${clip(message, 120)}).`,
      `${PROVIDER_FAULT}: its JWKS must hold standard RSA (2048 bits or more) or EC P-256/384/521 keys; check the jwks_uri in its discovery document.`);
  }
  return make('INTERNAL', `Unsupported operation: ${clip(message)}`, 'Report this with --debug output.');
}

function invalidResponse(i: Inner, make: (c: ErrorCode, m: string, h: string, d?: Record<string, unknown>) => AppError): AppError {
  const m = i.message;
  if (/signature verification failed/i.test(m)) {
    return make('BAD_SIGNATURE', 'The ID token signature does not verify against the provider\'s published keys.',
      'The token was altered or signed by another key; check the issuer URL. Do not trust this response.');
  }
  if (/"alg"/.test(m)) {
    return make('ALG_NOT_ALLOWED', 'The ID token uses a signing algorithm that is not allowed (e.g. "none").',
      'The provider must sign ID tokens with an algorithm listed in its discovery document (Cognito: RS256).');
  }
  const missing = /JWT "(\w+)" .*claim missing/.exec(m);
  if (missing) {
    return make('MISSING_CLAIM', `The ID token lacks the required "${missing[1]}" claim.`, 'The provider issues non-conforming ID tokens; check its configuration.', { claim: missing[1] });
  }
  if (/"iss" \(issuer\) response parameter|parameter "iss"/.test(m)) {
    return make('ISSUER_MISMATCH', 'The callback "iss" parameter (RFC 9207) names a different issuer.',
      'The browser returned a response from another identity provider (mix-up); check the issuer and sign in again.');
  }
  if (/"state"/.test(m)) {
    return make('STATE_MISMATCH', 'The callback "state" does not match this sign-in attempt.', 'Sign in again from the newest browser tab.');
  }
  if (/"id_token"/.test(m)) {
    return make('MISSING_CLAIM', 'The token response has no ID token.', 'Request the openid scope and allow it on the app client.', { claim: 'id_token' });
  }
  if (/JWT|claim/.test(m)) return make('INVALID_TOKEN', `The ID token is malformed: ${m}.`, 'The provider issues non-conforming ID tokens; check its configuration.');
  return make('SERVER_ERROR', `The identity provider sent an invalid response: ${m}.`, 'Check the issuer URL; the server does not follow the OAuth specification.');
}
