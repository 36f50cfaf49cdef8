import * as oidc from 'openid-client';
import { AppError } from '../errors/app-error.js';
import { getClient } from './client.js';
import type { AuthDeps, ClientConfig } from './types.js';

/**
 * The authorize URL a sign-in opens, built in one place for `login`, `authorize-url` and the
 * window's tester. Protocol parameters (PKCE, state, nonce, redirect_uri, ...) always come from
 * the sign-in itself; extra parameters (prompt, lang, login_hint, anything a test needs) are added
 * after the profile's and may override them, but never the protocol ones.
 */
export const PROTOCOL_PARAMS: ReadonlySet<string> = new Set([
  'response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method',
]);

export interface AuthorizeChecks {
  redirectUri: string;
  state: string;
  nonce: string;
  codeChallenge: string;
}

export function buildAuthorizeUrl(config: oidc.Configuration, cfg: ClientConfig, checks: AuthorizeChecks): string {
  const extra = Object.fromEntries(Object.entries(cfg.extraParams ?? {}).filter(([k]) => !PROTOCOL_PARAMS.has(k)));
  return oidc.buildAuthorizationUrl(config, {
    ...(cfg.identityProvider !== undefined && { identity_provider: cfg.identityProvider }),
    ...extra,
    redirect_uri: checks.redirectUri,
    scope: cfg.scopes.join(' '),
    state: checks.state,
    nonce: checks.nonce,
    code_challenge: checks.codeChallenge,
    code_challenge_method: 'S256',
  }).href;
}

const NAME = /^[A-Za-z_][\w.:-]{0,99}$/;

/**
 * `--param NAME=VALUE` (repeatable) → a map. A protocol parameter is refused unless
 * `allowProtocol` (authorize-url, which only prints a URL): in a real sign-in the listener checks
 * state, the token request sends the verifier of the challenge and the redirect_uri it listens
 * on, so an override could only make the sign-in fail, or weaken it, in a confusing way.
 */
export function parseParams(list: string[] | undefined, opts: { allowProtocol: boolean }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list ?? []) {
    const i = item.indexOf('=');
    const name = i > 0 ? item.slice(0, i) : '';
    if (!NAME.test(name)) {
      throw new AppError('BAD_USAGE', `--param "${item}" is not NAME=VALUE`, 'write it as --param NAME=VALUE, e.g. --param lang=ja (repeat for more)');
    }
    if (PROTOCOL_PARAMS.has(name) && !opts.allowProtocol) {
      throw new AppError('BAD_USAGE', `--param ${name} would override a protocol parameter the sign-in sets itself`,
        name === 'scope'
          ? 'use --scope "openid email ..." instead'
          : name === 'redirect_uri'
            ? 'use --redirect-uri (a registered loopback URI; the listener waits there)'
            : `a sign-in sends its own ${name} and checks it; to see or hand-edit such a URL use \`cognito-inspector authorize-url --param ${name}=...\``);
    }
    out[name] = item.slice(i + 1);
  }
  return out;
}

export interface AuthorizePreview {
  url: string;
  redirectUri: string;
  state: string;
  nonce: string;
  codeChallenge: string;
  /** Protocol parameters the caller overrode (authorize-url only): the URL is no longer a sign-in's. */
  overridden: string[];
}

/**
 * The URL a sign-in with these settings would open, for the first redirect URI (the listener's
 * first choice), with fresh state, nonce and PKCE challenge. Nothing listens: printing it starts
 * no sign-in. `params` are added last; protocol ones among them replace the sign-in's own.
 */
export async function previewAuthorizeUrl(cfg: ClientConfig, deps: AuthDeps, params: Record<string, string> = {}): Promise<AuthorizePreview> {
  const client = await getClient(cfg, deps);
  const checks: AuthorizeChecks = {
    redirectUri: cfg.redirectUris[0] ?? '',
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeChallenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
  };
  const withExtras = { ...cfg, extraParams: { ...cfg.extraParams, ...params } };
  const url = new URL(buildAuthorizeUrl(client.config, withExtras, checks));
  const overridden = Object.keys(params).filter((k) => PROTOCOL_PARAMS.has(k));
  for (const k of overridden) url.searchParams.set(k, params[k]!);
  const q = url.searchParams;
  return {
    url: url.href,
    redirectUri: q.get('redirect_uri') ?? checks.redirectUri,
    state: q.get('state') ?? checks.state,
    nonce: q.get('nonce') ?? checks.nonce,
    codeChallenge: q.get('code_challenge') ?? checks.codeChallenge,
    overridden,
  };
}
