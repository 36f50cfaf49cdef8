import { createHash, randomUUID } from 'node:crypto';
import type { AppClientConfig } from '../config-schema.js';
import { nowSeconds, type EmulatorContext } from '../context.js';
import { issueUserTokens } from '../tokens/issue.js';
import { grantError, tokenBody, type GrantResult } from './grant-result.js';

/** grant_type=authorization_code: single-use, 5-minute code; same client, same redirect_uri, PKCE S256. */
export async function authorizationCodeGrant(ctx: EmulatorContext, client: AppClientConfig, form: URLSearchParams): Promise<GrantResult> {
  if (!client.allowedFlows.includes('code')) return grantError('unauthorized_client');
  const code = form.get('code');
  const redirectUri = form.get('redirect_uri');
  if (code === null || code === '' || redirectUri === null || redirectUri === '') return grantError('invalid_request');
  const grant = ctx.store.consumeCode(code);
  if (grant === undefined || grant.clientId !== client.clientId) return grantError('invalid_grant');
  // Observed live: a redirect_uri that differs (even by a trailing slash) gives unauthorized_client.
  if (grant.redirectUri !== redirectUri) return grantError('unauthorized_client');
  if (grant.codeChallenge !== undefined) {
    const verifier = form.get('code_verifier');
    if (verifier === null || verifier === '') return grantError('invalid_request');
    const computed = createHash('sha256').update(verifier).digest('base64url');
    if (computed !== grant.codeChallenge) return grantError('invalid_grant');
  }
  const user = ctx.store.users.get(grant.username);
  if (user === undefined) return grantError('invalid_grant');
  const now = nowSeconds(ctx);
  const originJti = randomUUID();
  const tokens = await issueUserTokens(ctx, {
    user,
    client,
    scopes: grant.scopes,
    authTime: grant.authTime,
    originJti,
    now,
    ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
  });
  const refreshToken = ctx.store.issueRefreshToken({
    username: user.username,
    authTime: grant.authTime,
    clientId: client.clientId,
    scopes: grant.scopes,
    originJti,
    expiresAt: ctx.clock.now() + client.refreshTokenValiditySeconds * 1000,
  });
  return { ok: true, body: tokenBody({ ...tokens, refreshToken, expiresIn: client.accessTokenValiditySeconds }) };
}
