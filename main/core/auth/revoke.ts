import * as oidc from 'openid-client';
import { toAppError } from '../errors/translate.js';
import { getClient, hintContext } from './client.js';
import { isCognitoIssuer } from './issuer-policy.js';
import type { AuthDeps, ClientConfig } from './types.js';

/** Cognito's endpoints live on the hosted-UI domain, which is the authorization endpoint's origin. */
const cognitoEndpoint = (metadata: oidc.ServerMetadata, path: string) =>
  metadata.authorization_endpoint === undefined ? undefined : new URL(path, metadata.authorization_endpoint).href;

/**
 * Revokes a refresh token (RFC 7009) at revocation_endpoint from discovery or, for Cognito, which
 * does not advertise it, <hosted UI origin>/oauth2/revoke. `revoked: false` with a reason when the
 * issuer has no revocation endpoint; server refusals throw an AppError.
 */
export async function revokeRefreshToken(cfg: ClientConfig, refreshToken: string, deps: AuthDeps): Promise<{ revoked: boolean; reason?: string }> {
  const probe = await getClient(cfg, deps);
  const endpoint = probe.metadata.revocation_endpoint ?? (isCognitoIssuer(cfg.issuer) ? cognitoEndpoint(probe.metadata, '/oauth2/revoke') : undefined);
  if (endpoint === undefined) return { revoked: false, reason: `${cfg.issuer} does not advertise a revocation endpoint.` };
  const client = probe.metadata.revocation_endpoint === undefined ? await getClient(cfg, deps, { revocation_endpoint: endpoint }) : probe;
  try {
    await oidc.tokenRevocation(client.config, refreshToken);
    return { revoked: true };
  } catch (err) {
    throw toAppError(err, { ...hintContext(cfg), stage: 'revoke' });
  }
}

/**
 * The URL that ends the hosted-UI session. Cognito: /logout?client_id&logout_uri (logout_uri must be a
 * registered sign-out URL). Other issuers: RP-initiated logout at end_session_endpoint. Undefined
 * when the issuer has neither.
 */
export async function hostedLogoutUrl(cfg: ClientConfig, logoutUri: string, deps: AuthDeps): Promise<string | undefined> {
  const client = await getClient(cfg, deps);
  if (isCognitoIssuer(cfg.issuer)) {
    const base = client.metadata.end_session_endpoint ?? cognitoEndpoint(client.metadata, '/logout');
    if (base === undefined) return undefined;
    const url = new URL(base);
    url.searchParams.set('client_id', cfg.clientId);
    url.searchParams.set('logout_uri', logoutUri);
    return url.href;
  }
  if (client.metadata.end_session_endpoint === undefined) return undefined;
  return oidc.buildEndSessionUrl(client.config, { client_id: cfg.clientId, post_logout_redirect_uri: logoutUri }).href;
}
