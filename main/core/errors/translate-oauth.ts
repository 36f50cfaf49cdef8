import { AppError } from './app-error.js';
import { clip, type TranslateContext } from './translate-context.js';

/**
 * OAuth `error` values, from an `error=` callback or a token/revocation endpoint body, to stable
 * codes. Cognito reports several of them as `error=invalid_request&error_description=<real code>`
 * (cognito-wire.md §1.1), so the description is consulted first.
 */
export function oauthErrorToAppError(error: string, description: string | undefined, ctx: TranslateContext, cause: unknown): AppError {
  const desc = description === undefined ? '' : clip(description);
  const real = error === 'invalid_request' && /^(invalid_scope|unauthorized_client|redirect_mismatch)$/.test(desc) ? desc : error;
  const said = desc && desc !== real ? `${real}: ${desc}` : real;
  const redirect = ctx.redirectUri ?? 'http://localhost:53682/callback';
  const details: Record<string, unknown> = { error, ...(description !== undefined && { error_description: desc }) };
  const make = (code: ConstructorParameters<typeof AppError>[0], message: string, hint: string, extra?: Record<string, unknown>) =>
    new AppError(code, message, hint, { cause, details: { ...details, ...extra } });

  switch (real) {
    case 'redirect_mismatch':
      return make('REDIRECT_MISMATCH', `The identity provider rejected the redirect URI ${redirect}.`,
        `Add ${redirect} to the app client's Allowed callback URLs (exact match: scheme, host, port, path and trailing slash).`,
        { redirectUri: redirect });
    case 'invalid_scope': {
      const scopes = ctx.scopes ?? [];
      const offline = scopes.includes('offline_access') ? ' offline_access is not a Cognito scope: remove it (Cognito returns a refresh token without it).' : '';
      return make('INVALID_SCOPE', `The identity provider refused the requested scopes (${said}).`,
        `Check that the app client allows every requested scope${scopes.length ? ` (${scopes.join(' ')})` : ''}: openid, email, phone, profile, aws.cognito.signin.user.admin or a resource-server scope enabled on the client. email/phone/profile also need openid.${offline}`,
        { scopes });
    }
    case 'unauthorized_client':
      return ctx.stage === 'token'
        ? make('UNAUTHORIZED_CLIENT', `The token endpoint refused this client (${said}).`,
          `Check that the redirect URI sent to the token endpoint (${redirect}) is registered exactly, including any trailing slash, and that the app client allows the authorization code grant.`)
        : make('UNAUTHORIZED_CLIENT', `The app client is not allowed to use this flow (${said}).`,
          `Enable "Authorization code grant" in the app client's OAuth settings${ctx.clientId ? ` for client ${ctx.clientId}` : ''}.`);
    case 'invalid_client':
      return make('INVALID_CLIENT', `The identity provider did not accept the client credentials (${said}).`,
        ctx.hasClientSecret
          ? 'The client secret is wrong, or the app client has no secret: fix the secret or remove it for a public client.'
          : 'The app client probably has a client secret: provide it (e.g. --client-secret-env VAR), or use an app client without a secret. Also check the client id.');
    case 'invalid_grant':
      if (/code_verifier|pkce|code challenge/i.test(desc)) {
        return make('PKCE_FAILED', `The PKCE check failed at the token endpoint (${said}).`,
          'Start the sign-in again; the code verifier must belong to the same sign-in attempt as the code.');
      }
      return make('INVALID_GRANT', `The identity provider rejected the ${ctx.stage === 'refresh' ? 'refresh token' : 'authorization code'} (${said}).`,
        ctx.stage === 'refresh'
          ? 'The session has expired or was revoked: sign in again.'
          : 'The code was used already, expired (5 minutes), or was issued for another redirect URI: sign in again.');
    case 'access_denied':
      return make('ACCESS_DENIED', `Sign-in was denied (${said}).`,
        'The user or the identity provider refused the request; sign in again with an account that has access, or check the provider settings.');
    case 'unsupported_grant_type':
      return make('UNSUPPORTED_GRANT_TYPE', `The token endpoint does not support this grant (${said}).`,
        'Enable the authorization code grant (and refresh) on the app client.');
    case 'server_error':
    case 'temporarily_unavailable':
      return make('SERVER_ERROR', `The identity provider reported an internal error (${said}).`, 'Try again later; if it persists check the provider status.');
    case 'invalid_request':
      if (/idp|google|timeout occurred|connection reset|read timed out/i.test(desc)) {
        return make('IDP_ERROR', `The upstream identity provider failed (${said}).`,
          'Check the federated identity provider configuration (client id/secret, endpoints) in the user pool and try again.');
      }
      return make('INVALID_REQUEST', `The identity provider rejected the request as invalid (${said}).`,
        'Check the issuer, client id, redirect URI and extra authorize parameters of the profile.');
    default:
      return make('IDP_ERROR', `The identity provider returned an error (${said}).`, 'Read the error description above and check the app client settings.');
  }
}
