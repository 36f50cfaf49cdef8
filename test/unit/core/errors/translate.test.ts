import { errors as joseErrors } from 'jose';
import { AuthorizationResponseError, ResponseBodyError } from 'openid-client';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors/app-error.js';
import { toAppError } from '../../../../main/core/errors/translate.js';

const ctx = { redirectUri: 'http://localhost:53682/callback', scopes: ['openid', 'email', 'offline_access'], clientId: 'abc', issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_X' };

const callback = (params: Record<string, string>) =>
  new AuthorizationResponseError('authorization response from the server is an error', { cause: new URLSearchParams(params) });
const body = (status: number, json: { error: string; error_description?: string }) =>
  new ResponseBodyError('server responded with an error in the response body', { cause: json, response: new Response(null, { status }) });
const fetchFailed = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

describe('toAppError', () => {
  it('escapes terminal control sequences in a server\'s error_description, keeping it readable', () => {
    const err = toAppError(callback({ error: 'access_denied', error_description: 'no\u001b]0;pwned\u0007\u001b[2Ksigned in' }), ctx);
    expect(err.message).toBe('Sign-in was denied (access_denied: no\\u001b]0;pwned\\u0007\\u001b[2Ksigned in).');
    expect(err.details).toMatchObject({ error_description: 'no\\u001b]0;pwned\\u0007\\u001b[2Ksigned in' });
  });

  it.each<[string, unknown, string, RegExp]>([
    ['Cognito invalid_scope via invalid_request', callback({ error_description: 'invalid_scope', state: 's', error: 'invalid_request' }), 'INVALID_SCOPE', /offline_access is not a Cognito scope/],
    ['invalid_scope', callback({ error: 'invalid_scope' }), 'INVALID_SCOPE', /\(openid email offline_access\)/],
    ['access_denied', callback({ error: 'access_denied' }), 'ACCESS_DENIED', /sign in again/],
    ['redirect_mismatch', callback({ error: 'redirect_mismatch' }), 'REDIRECT_MISMATCH', /^Add http:\/\/localhost:53682\/callback to the app client's Allowed callback URLs/],
    ['unauthorized_client at authorize', callback({ error: 'unauthorized_client' }), 'UNAUTHORIZED_CLIENT', /Authorization code grant/],
    ['Cognito federation failure', callback({ error: 'invalid_request', error_description: 'Timeout occurred in calling IdP token endpoint' }), 'IDP_ERROR', /federated identity provider/],
    ['server_error', callback({ error: 'server_error' }), 'SERVER_ERROR', /later/],
    ['unknown error value', callback({ error: 'weird' }), 'IDP_ERROR', /app client settings/],
    ['invalid_client without a secret', body(401, { error: 'invalid_client' }), 'INVALID_CLIENT', /probably has a client secret/],
    ['invalid_grant', body(400, { error: 'invalid_grant' }), 'INVALID_GRANT', /used already, expired/],
    ['PKCE failure', body(400, { error: 'invalid_grant', error_description: 'code_verifier mismatch' }), 'PKCE_FAILED', /code verifier/],
    ['unsupported_grant_type', body(400, { error: 'unsupported_grant_type' }), 'UNSUPPORTED_GRANT_TYPE', /authorization code grant/],
    ['connection refused', fetchFailed('ECONNREFUSED'), 'NETWORK_UNREACHABLE', /network connection/],
    ['DNS failure', fetchFailed('ENOTFOUND'), 'NETWORK_UNREACHABLE', /spelling of the issuer URL/],
    ['self-signed certificate', fetchFailed('DEPTH_ZERO_SELF_SIGNED_CERT'), 'TLS_FAILURE', /NODE_EXTRA_CA_CERTS/],
    ['hostname mismatch', fetchFailed('ERR_TLS_CERT_ALTNAME_INVALID'), 'TLS_FAILURE', /certificate/],
    ['refused inside an AggregateError', new TypeError('fetch failed', { cause: new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]) }), 'NETWORK_UNREACHABLE', /firewall/],
    ['jose bad signature', new joseErrors.JWSSignatureVerificationFailed(), 'BAD_SIGNATURE', /another key/],
    ['jose no matching key', new joseErrors.JWKSNoMatchingKey(), 'UNKNOWN_KID', /rotated/],
    ['jose iat claim', new joseErrors.JWTClaimValidationFailed('iat in the future', {}, 'iat', 'check_failed'), 'CLOCK_SKEW', /clock/],
    ['jose missing sub', new joseErrors.JWTClaimValidationFailed('missing', {}, 'sub', 'missing'), 'MISSING_CLAIM', /issuer and client id/],
    ['timeout', new DOMException('timed out', 'TimeoutError'), 'REQUEST_TIMEOUT', /slow or unreachable/],
    ['abort', new DOMException('aborted', 'AbortError'), 'LOGIN_CANCELLED', /again/],
    ['anything else', new Error('boom'), 'INTERNAL', /--debug/],
  ])('%s → %s', (_label, err, code, hint) => {
    const appError = toAppError(err, ctx);
    expect(appError).toBeInstanceOf(AppError);
    expect([appError.code, appError.hint]).toEqual([code, expect.stringMatching(hint)]);
  });

  it('keeps the server text, the original error as cause, and returns AppErrors unchanged', () => {
    const err = callback({ error: 'access_denied', error_description: 'User   cancelled\nthe login' });
    const appError = toAppError(err, ctx);
    expect(appError.toInfo()).toEqual({
      code: 'ACCESS_DENIED', message: 'Sign-in was denied (access_denied: User cancelled the login).',
      hint: 'The user or the identity provider refused the request; sign in again with an account that has access, or check the provider settings.',
      details: { error: 'access_denied', error_description: 'User cancelled the login' },
    });
    expect(appError.cause).toBe(err);
    expect(toAppError(appError)).toBe(appError);
  });

  it('says the secret is wrong when one was configured, without ever holding it', () => {
    const appError = toAppError(body(400, { error: 'invalid_client' }), { ...ctx, hasClientSecret: true });
    expect(appError.hint).toBe('The client secret is wrong, or the app client has no secret: fix the secret or remove it for a public client.');
  });

  it('unauthorized_client at the token endpoint points at the redirect URI match', () => {
    expect(toAppError(body(400, { error: 'unauthorized_client' }), { ...ctx, stage: 'token' }).hint)
      .toBe('Check that the redirect URI sent to the token endpoint (http://localhost:53682/callback) is registered exactly, including any trailing slash, and that the app client allows the authorization code grant.');
  });
});
