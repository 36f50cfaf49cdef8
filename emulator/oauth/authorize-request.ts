import type { AppClientConfig } from '../config-schema.js';
import type { EmulatorContext } from '../context.js';
import { queryString } from '../http/respond.js';

/** A validated /oauth2/authorize (or /login, /signup) request. */
export interface AuthorizeRequest {
  client: AppClientConfig;
  redirectUri: string;
  responseType: 'code' | 'token';
  scopes: string[];
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  /** `Google` or `COGNITO` from identity_provider / idp_identifier. */
  identityProvider?: string;
  loginHint?: string;
  prompt?: string;
  /** The original query, carried through /login, /signup and Google. */
  query: URLSearchParams;
}

export type AuthorizeCheck = { ok: true; request: AuthorizeRequest } | { ok: false; location: string };

/** Cognito's error page URL: the app is not told; the browser lands on /error (HTTP 400). */
export function errorPageUrl(ctx: EmulatorContext, error: string, clientId?: string): string {
  return `${ctx.baseUrl}/error?${queryString([['error', error], ['client_id', clientId]])}`;
}

/**
 * The live error redirect: `?error_description=<d>&state=<s>&error=<e>` in that order, in the
 * fragment for response_type=token.
 */
export function errorRedirect(redirectUri: string, useFragment: boolean, description: string, state: string | undefined, error: string): string {
  const qs = queryString([['error_description', description], ['state', state], ['error', error]]);
  if (useFragment) return `${redirectUri}#${qs}`;
  return `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${qs}`;
}

function param(q: URLSearchParams, name: string): string | undefined {
  const v = q.get(name);
  return v === null || v === '' ? undefined : v;
}

export function findClient(ctx: EmulatorContext, clientId: string | undefined): AppClientConfig | undefined {
  return clientId === undefined ? undefined : ctx.config.userPool.clients.find((c) => c.clientId === clientId);
}

/** Checks in Cognito's order: client, redirect_uri (exact match), then errors that go back to the app. */
export function checkAuthorize(ctx: EmulatorContext, query: URLSearchParams): AuthorizeCheck {
  const clientId = param(query, 'client_id');
  const client = findClient(ctx, clientId);
  if (client === undefined) return { ok: false, location: errorPageUrl(ctx, 'invalid_request', clientId) };
  const redirectUri = param(query, 'redirect_uri');
  // Exact string match: scheme, host, port, path, trailing slash and case all count.
  if (redirectUri === undefined || !client.callbackUrls.includes(redirectUri)) {
    return { ok: false, location: errorPageUrl(ctx, 'redirect_mismatch', client.clientId) };
  }
  const state = param(query, 'state');
  const rt = param(query, 'response_type');
  const fail = (description: string, error = 'invalid_request'): AuthorizeCheck => ({
    ok: false,
    location: errorRedirect(redirectUri, rt === 'token', description, state, error),
  });
  if (rt !== 'code' && rt !== 'token') return fail(rt === undefined ? 'response_type is missing' : 'unsupported_response_type');
  if (!client.allowedFlows.includes(rt === 'code' ? 'code' : 'implicit')) return fail('unauthorized_client');

  const scopeParam = param(query, 'scope');
  const scopes = scopeParam === undefined ? [...client.allowedScopes] : scopeParam.split(' ').filter((s) => s !== '');
  if (scopes.some((s) => !client.allowedScopes.includes(s))) return fail('invalid_scope');

  const method = param(query, 'code_challenge_method');
  const challenge = param(query, 'code_challenge');
  if (method !== undefined && method !== 'S256') return fail('Invalid code_challenge_method');
  if ((method === undefined) !== (challenge === undefined)) return fail('Invalid code_challenge or code_challenge_method');

  const idp = identityProvider(query);
  if (idp !== undefined && !client.identityProviders.includes(idp)) return fail('unauthorized_client');
  if (idp === 'Google' && !ctx.config.userPool.google.enabled) return fail('unauthorized_client');

  const request: AuthorizeRequest = { client, redirectUri, responseType: rt, scopes, query };
  if (state !== undefined) request.state = state;
  const nonce = param(query, 'nonce');
  if (nonce !== undefined) request.nonce = nonce;
  if (challenge !== undefined) request.codeChallenge = challenge;
  if (idp !== undefined) request.identityProvider = idp;
  const hint = param(query, 'login_hint');
  if (hint !== undefined) request.loginHint = hint;
  const prompt = param(query, 'prompt');
  if (prompt !== undefined) request.prompt = prompt;
  return { ok: true, request };
}

/** identity_provider wins; idp_identifier matches a provider name case-insensitively. */
function identityProvider(query: URLSearchParams): string | undefined {
  const name = param(query, 'identity_provider');
  if (name !== undefined) return name;
  const ident = param(query, 'idp_identifier');
  if (ident === undefined) return undefined;
  if (ident.toLowerCase() === 'google') return 'Google';
  if (ident.toLowerCase() === 'cognito') return 'COGNITO';
  return ident;
}
