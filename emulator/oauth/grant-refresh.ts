import type { AppClientConfig } from '../config-schema.js';
import { nowSeconds, type EmulatorContext } from '../context.js';
import { issueUserTokens } from '../tokens/issue.js';
import { grantError, tokenBody, type GrantResult } from './grant-result.js';

/**
 * grant_type=refresh_token: new ID + access tokens. Without rotation the response has no
 * refresh_token. With rotation a new one comes back with the ORIGINAL absolute expiry, and the old
 * one keeps working for the grace period (0 = not at all).
 */
export async function refreshTokenGrant(ctx: EmulatorContext, client: AppClientConfig, form: URLSearchParams): Promise<GrantResult> {
  const token = form.get('refresh_token');
  if (token === null || token === '') return grantError('invalid_request');
  const grant = ctx.store.findRefreshToken(token);
  if (grant === undefined || grant.clientId !== client.clientId) return grantError('invalid_grant');
  const user = ctx.store.users.get(grant.username);
  if (user === undefined) return grantError('invalid_grant');
  const tokens = await issueUserTokens(ctx, {
    user,
    client,
    scopes: grant.scopes,
    authTime: grant.authTime,
    originJti: grant.originJti,
    now: nowSeconds(ctx),
  });
  let refreshToken: string | undefined;
  if (client.refreshTokenRotation.enabled) {
    const { retiredUntil: _retired, ...rest } = grant;
    refreshToken = ctx.store.issueRefreshToken(rest);
    ctx.store.retireRefreshToken(token, client.refreshTokenRotation.gracePeriodSeconds);
  }
  return {
    ok: true,
    body: tokenBody({ ...tokens, ...(refreshToken !== undefined ? { refreshToken } : {}), expiresIn: client.accessTokenValiditySeconds }),
  };
}
