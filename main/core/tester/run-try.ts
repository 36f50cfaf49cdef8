import { decodeJwt } from 'jose';
import { PROTOCOL_PARAMS } from '../auth/authorize-url.js';
import type { SignInDeps } from '../auth/sign-in.js';
import type { ClientConfig } from '../auth/types.js';
import { AppError, isAppError, type ErrorInfo } from '../errors/app-error.js';
import type { Profile } from '../profiles/schema.js';
import { clientConfigFor } from '../session/profile-auth.js';
import { marker } from '../trace/redact.js';
import { captureTry, type CognitoRawError } from './try-capture.js';
import { tokenResponseView, type TokenResponseView } from './token-response-view.js';

/** The tester's edits to the authorize request: each replaces the profile's setting for this Try only. */
export interface TryRequest {
  /** Absent or empty: the profile's scopes. */
  scopes?: string[];
  /** "" asks for no identity provider even if the profile names one. */
  identityProvider?: string;
  /** prompt, login_hint, lang and free extras, over the profile's own authorizeParams. */
  params: Record<string, string>;
}

/**
 * What a Try found. Tokens are the Try's own (never the profile's session): the ID and access
 * tokens for the window to decode, the refresh token only as a fingerprint.
 */
export interface TryOutcome {
  profile: string;
  startedAt: number;
  finishedAt: number;
  /** Scopes in the authorize request. */
  asked: string[];
  /** The authorize URL the browser opened (state, nonce and PKCE challenge are not secrets). */
  authorizeUrl?: string;
  /** Granted scopes as the access token's `scope` claim and the token response's `scope` say (each when present). */
  granted?: { accessToken?: string[]; response?: string[] };
  response?: TokenResponseView;
  idToken?: string;
  accessToken?: string;
  /** The refresh token's marker: which one it was, never what. */
  refreshToken?: string;
  /** Why the Try failed, as our stable code and hint. */
  error?: ErrorInfo;
  /** What Cognito itself said, when it said something. */
  cognito?: CognitoRawError;
}

export interface TryDeps extends Omit<SignInDeps, 'trace'> {
  /** The profile's Timeline. */
  trace?: SignInDeps['trace'];
}

/** The profile's sign-in settings with the tester's edits over them; protocol parameters are refused, as `login --param` does. */
export function tryConfig(profile: Profile, req: TryRequest, clientSecret?: string): ClientConfig {
  const overridden = Object.keys(req.params).filter((k) => PROTOCOL_PARAMS.has(k));
  if (overridden.length) {
    throw new AppError('INVALID_INPUT', `a Try sets ${overridden.join(', ')} itself and checks it`,
      overridden.includes('scope') ? 'put scopes in the Scopes field, not in the extra parameters' : `remove ${overridden.join(', ')} from the extra parameters (the Authorize URL preview shows what a sign-in sends)`,
      { details: { params: overridden } });
  }
  const { identityProvider: profileIdp, extraParams: profileParams, ...rest } = clientConfigFor(profile, clientSecret);
  const identityProvider = req.identityProvider === undefined ? profileIdp : req.identityProvider || undefined;
  const extraParams = { ...profileParams, ...req.params };
  return {
    ...rest,
    ...(req.scopes?.length ? { scopes: req.scopes } : {}),
    ...(identityProvider ? { identityProvider } : {}),
    ...(Object.keys(extraParams).length ? { extraParams } : {}),
  };
}

const words = (s: unknown) => (typeof s === 'string' ? s.split(/\s+/).filter(Boolean) : undefined);

function accessTokenScopes(token: string): string[] | undefined {
  try {
    return words(decodeJwt(token).scope);
  } catch {
    return undefined; // an opaque access token (not Cognito's): the response's scope is all there is
  }
}

/**
 * A real sign-in with the tester's parameters: the same listener, PKCE, state, start URL and probe
 * as `signIn`, through the profile's Timeline. Nothing is stored: the tokens come back in the
 * outcome and go nowhere else. A refusal is an outcome too (with Cognito's raw error); only bad
 * input throws.
 */
export async function runTry(profile: Profile, req: TryRequest, deps: TryDeps & { clientSecret?: string }): Promise<TryOutcome> {
  const cfg = tryConfig(profile, req, deps.clientSecret);
  const capture = captureTry(deps.fetch ?? globalThis.fetch, deps.trace);
  const startedAt = deps.clock.now();
  let authorizeUrl: string | undefined;
  const base = () => ({ profile: profile.name, startedAt, finishedAt: deps.clock.now(), asked: cfg.scopes, ...(authorizeUrl ? { authorizeUrl } : {}) });
  const { signIn } = await import('../auth/sign-in.js');
  try {
    const tokens = await signIn(cfg, {
      ...deps,
      fetch: capture.fetch,
      trace: capture.trace,
      onListening: (info) => {
        authorizeUrl = info.authorizeUrl;
        deps.onListening?.(info);
      },
    });
    const raw = capture.tokenResponse();
    const fromToken = accessTokenScopes(tokens.accessToken);
    const fromResponse = words(tokens.scope);
    return {
      ...base(),
      granted: { ...(fromToken && { accessToken: fromToken }), ...(fromResponse && { response: fromResponse }) },
      ...(raw ? { response: tokenResponseView(raw.status, raw.text) } : {}),
      ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
      accessToken: tokens.accessToken,
      ...(tokens.refreshToken ? { refreshToken: marker(tokens.refreshToken) } : {}),
    };
  } catch (err) {
    const error = isAppError(err) ? err.toInfo() : { code: 'INTERNAL' as const, message: 'the Try failed unexpectedly', hint: 'see the app log' };
    const cognito = capture.rawError();
    return { ...base(), error, ...(cognito ? { cognito } : {}) };
  }
}
