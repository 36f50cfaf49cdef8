import type { AppClientConfig } from '../config-schema.js';
import { nowSeconds, type EmulatorContext } from '../context.js';
import { issueClientToken } from '../tokens/issue.js';
import { grantError, type GrantResult } from './grant-result.js';

/**
 * grant_type=client_credentials: confidential clients with the flow enabled, custom
 * (`<resourceServer>/<scope>`) scopes only; no scope means all the client's custom scopes.
 */
export async function clientCredentialsGrant(ctx: EmulatorContext, client: AppClientConfig, form: URLSearchParams): Promise<GrantResult> {
  if (!client.allowedFlows.includes('client_credentials') || client.secret === undefined) return grantError('unauthorized_client');
  const allowed = client.allowedScopes.filter((s) => s.includes('/'));
  const asked = (form.get('scope') ?? '').split(' ').filter((s) => s !== '');
  const scopes = asked.length === 0 ? allowed : asked;
  if (scopes.length === 0 || scopes.some((s) => !allowed.includes(s))) return grantError('invalid_scope');
  const accessToken = await issueClientToken(ctx, client, scopes, nowSeconds(ctx));
  return { ok: true, body: { access_token: accessToken, expires_in: client.accessTokenValiditySeconds, token_type: 'Bearer' } };
}
