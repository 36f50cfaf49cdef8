import type { Clock } from '../ports.js';
import type { TraceSink } from '../trace/types.js';
import type { DiscoveryCache } from './discovery-cache.js';

/** One app client's sign-in settings (what a profile resolves to). Never logged whole: it may hold a secret. */
export interface ClientConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** How a secret is sent; default client_secret_basic. Ignored for public clients (auth method none). */
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  scopes: string[];
  /** Ordered fixed loopback URIs, e.g. http://localhost:53682/callback; the first free port wins. */
  redirectUris: string[];
  identityProvider?: string;
  /** prompt, login_hint, lang, ...; cannot override the protocol parameters. */
  extraParams?: Record<string, string>;
  /** Cognito hosted-UI domain (https://auth.example.com) used instead of the endpoints discovery names. */
  hostedUiDomain?: string;
}

export interface TokenSet {
  idToken?: string;
  accessToken: string;
  refreshToken?: string;
  tokenType: string;
  /** Access token expiry, ms since the epoch. */
  expiresAt: number;
  scope?: string;
  idClaims?: Record<string, unknown>;
}

export interface AuthDeps {
  fetch?: typeof fetch;
  clock: Clock;
  /** Discovery + JWKS cache; defaults to the per-process cache. Tests pass their own. */
  discoveryCache?: DiscoveryCache;
  /** Per HTTP request to the issuer; default 30 000. */
  httpTimeoutMs?: number;
  /** The timeline's sink for what no fetch sees: the browser's authorize redirect and the callback. */
  trace?: TraceSink;
}
