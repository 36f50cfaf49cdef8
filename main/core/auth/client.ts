import * as oidc from 'openid-client';
import { AppError } from '../errors/app-error.js';
import { toAppError } from '../errors/translate.js';
import { defaultDiscoveryCache } from './discovery-cache.js';
import { issuerFetch, type FetchState } from './issuer-fetch.js';
import { checkEndpoints, checkIssuerUrl } from './issuer-policy.js';
import type { AuthDeps, ClientConfig } from './types.js';

/** Seconds of clock difference tolerated for exp, nbf and iat. */
export const CLOCK_TOLERANCE_S = 30;

export interface Client {
  config: oidc.Configuration;
  metadata: oidc.ServerMetadata;
  state: FetchState;
}

/** Context for error hints; says only whether a secret exists. */
export function hintContext(cfg: ClientConfig, redirectUri?: string) {
  return {
    issuer: cfg.issuer,
    clientId: cfg.clientId,
    scopes: cfg.scopes,
    hasClientSecret: cfg.clientSecret !== undefined && cfg.clientSecret !== '',
    ...(redirectUri !== undefined && { redirectUri }),
  };
}

function clientAuth(cfg: ClientConfig): oidc.ClientAuth {
  if (!cfg.clientSecret) return oidc.None();
  return cfg.tokenEndpointAuthMethod === 'client_secret_post' ? oidc.ClientSecretPost(cfg.clientSecret) : oidc.ClientSecretBasic(cfg.clientSecret);
}

/**
 * An openid-client Configuration for one operation: discovery from the cache (or fetched once),
 * ID token signatures verified against the JWKS, validation time taken from deps.clock.
 */
export async function getClient(cfg: ClientConfig, deps: AuthDeps, overrides: Partial<oidc.ServerMetadata> = {}): Promise<Client> {
  const { url, insecure } = checkIssuerUrl(cfg.issuer);
  const cache = deps.discoveryCache ?? defaultDiscoveryCache;
  const state: FetchState = {};
  const fetchFn = issuerFetch(deps.fetch ?? globalThis.fetch, cache, state);
  let metadata = cache.metadata.get(cfg.issuer);
  if (metadata === undefined) {
    try {
      const discovered = await oidc.discovery(url, cfg.clientId, undefined, oidc.None(), {
        [oidc.customFetch]: fetchFn,
        execute: insecure ? [oidc.allowInsecureRequests] : [],
        timeout: (deps.httpTimeoutMs ?? 30_000) / 1000,
      });
      metadata = discovered.serverMetadata();
    } catch (err) {
      const e = toAppError(err, { ...hintContext(cfg), stage: 'discovery' });
      if (e.code === 'HTTP_ERROR' || e.code === 'SERVER_ERROR' || e.code === 'INTERNAL') {
        throw new AppError('DISCOVERY_FAILED',
          `Could not read the discovery document of ${cfg.issuer}: ${e.message}`,
          'Check the issuer URL: <issuer>/.well-known/openid-configuration must return JSON (for Cognito https://cognito-idp.<region>.amazonaws.com/<userPoolId>).',
          { cause: err, ...(e.details !== undefined && { details: e.details }) });
      }
      throw e;
    }
    if (insecure) checkEndpoints(metadata);
    cache.metadata.set(cfg.issuer, metadata);
  }
  state.jwksUri = metadata.jwks_uri;
  metadata = { ...metadata, ...hostedUiEndpoints(cfg.hostedUiDomain) };
  // allowInsecureRequests (below) is one switch for the whole configuration: a loopback hosted-UI
  // domain turns it on for an https issuer's endpoints too, so each endpoint must pass the rule itself.
  checkEndpoints({ ...metadata, ...overrides });
  const config = new oidc.Configuration({ ...metadata, ...overrides }, cfg.clientId, {
    ...(cfg.clientSecret ? { client_secret: cfg.clientSecret } : {}),
    [oidc.clockSkew]: Math.round((deps.clock.now() - Date.now()) / 1000),
    [oidc.clockTolerance]: CLOCK_TOLERANCE_S,
  }, clientAuth(cfg));
  config[oidc.customFetch] = fetchFn;
  config.timeout = (deps.httpTimeoutMs ?? 30_000) / 1000;
  if (insecure || (cfg.hostedUiDomain && checkIssuerUrl(cfg.hostedUiDomain, 'hosted-UI domain').insecure)) oidc.allowInsecureRequests(config);
  oidc.enableNonRepudiationChecks(config);
  return { config, metadata, state };
}

/**
 * A hosted-UI domain override: Cognito serves the OAuth endpoints on the pool's domain (a prefix or
 * custom domain) while discovery and JWKS stay on cognito-idp. Same https-or-loopback rule as issuers.
 */
function hostedUiEndpoints(domain: string | undefined): Partial<oidc.ServerMetadata> {
  if (!domain) return {};
  const base = checkIssuerUrl(domain, 'hosted-UI domain').url.href.replace(/\/+$/, '');
  return {
    authorization_endpoint: `${base}/oauth2/authorize`,
    token_endpoint: `${base}/oauth2/token`,
    userinfo_endpoint: `${base}/oauth2/userInfo`,
    revocation_endpoint: `${base}/oauth2/revoke`,
    end_session_endpoint: `${base}/logout`,
  };
}
