import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type ClientMetadata, type Configuration } from 'oidc-provider';

/**
 * An independent, OpenID-certified provider (panva's oidc-provider v9) on 127.0.0.1 for tests.
 *
 * API (stable; the sign-in engine tests reuse it):
 *   const op = await startOidcProvider({ clients?, port? });
 *   op.issuer   // 'http://127.0.0.1:<port>' (discovery at `${issuer}/.well-known/openid-configuration`)
 *   op.port     // the bound port (random unless `port` is given)
 *   op.provider // the oidc-provider instance, for event listeners (`op.provider.on('grant.success', ...)`)
 *   await op.stop()
 *
 * Defaults:
 * - client `harness-client` (DEFAULT_CLIENT_ID): public (`token_endpoint_auth_method: 'none'`),
 *   authorization_code + refresh_token, redirect URIs in HARNESS_REDIRECT_URIS. Passing `clients`
 *   replaces it; `harnessClient({ redirect_uris: [...] })` builds a variant of it.
 * - PKCE is required for every client (S256 only, the provider's default method).
 * - devInteractions: the login page accepts any login and password; the account's `sub` is the
 *   login and its `email` claim is `<login>@example.test` (scope `email`). The consent page has one
 *   "Continue" button.
 * - A refresh token is issued on every authorization code grant of a client allowed the
 *   refresh_token grant, with no need for `offline_access` or `prompt=consent`: that is what Amazon
 *   Cognito does. Asking for `offline_access` with `prompt=consent` still works. Refresh tokens of
 *   public clients rotate on each use (the provider's default), and outlive the browser session.
 * - Revocation (RFC 7009) is enabled. Clock tolerance 5 s. ID tokens carry the scope claims
 *   (email). Lifetimes: access and ID tokens 1 h, refresh tokens 30 days.
 * - Plain http on loopback: the provider only marks cookies Secure when the request is https, so
 *   the browser keeps them on http://127.0.0.1.
 */
export const DEFAULT_CLIENT_ID = 'harness-client';
export const HARNESS_REDIRECT_URIS = [
  'http://localhost:53682/callback',
  'http://127.0.0.1:53682/callback',
  'http://localhost:53683/callback',
];

export interface StartedOidcProvider {
  issuer: string;
  port: number;
  provider: Provider;
  stop(): Promise<void>;
}

export interface StartOidcProviderOptions {
  clients?: ClientMetadata[];
  /** 0 or absent: a random free port. */
  port?: number;
  /** Shallow overrides of the configuration below (e.g. `ttl: { AccessToken: 5 }`). */
  configuration?: Configuration;
}

/** The default public client, with overrides (e.g. `redirect_uris` on a port the test chose). */
export function harnessClient(overrides: Partial<ClientMetadata> = {}): ClientMetadata {
  return {
    client_id: DEFAULT_CLIENT_ID,
    token_endpoint_auth_method: 'none',
    redirect_uris: HARNESS_REDIRECT_URIS,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    ...overrides,
  };
}

export async function startOidcProvider(opts: StartOidcProviderOptions = {}): Promise<StartedOidcProvider> {
  // The issuer holds the port, so bind first and hand requests to the provider once it exists.
  const target: { handle?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server = createServer((req, res) => {
    if (target.handle) target.handle(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'harness-rs256' };

  const provider = new Provider(issuer, {
    clients: opts.clients ?? [harnessClient()],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'offline_access', 'email', 'profile'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
    },
    pkce: { required: () => true },
    clockTolerance: 5,
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // The default ties refresh tokens without offline_access to the browser session.
    expiresWithSession: () => false,
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, email: `${sub}@example.test`, email_verified: true, name: sub }),
    }),
    // Scope claims in the ID token too, as Cognito does (the default keeps them for userinfo).
    conformIdTokenClaims: false,
    ttl: {
      AccessToken: 3600,
      IdToken: 3600,
      AuthorizationCode: 60,
      RefreshToken: 30 * 24 * 3600,
      Grant: 30 * 24 * 3600,
      Session: 24 * 3600,
      Interaction: 3600,
    },
    ...opts.configuration,
  });
  target.handle = provider.callback();

  return {
    issuer,
    port,
    provider,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
