import { randomBytes, randomUUID } from 'node:crypto';
import { nowSeconds, type EmulatorContext } from '../context.js';
import { queryString } from '../http/respond.js';
import type { PoolUser } from '../state/users.js';
import { issueUserTokens } from '../tokens/issue.js';
import type { AuthorizeRequest } from './authorize-request.js';

/**
 * The end of a successful sign-in: `?code=...&state=...` for the code flow, or the tokens in the
 * fragment for response_type=token (never a refresh token there).
 */
export async function completeSignIn(
  ctx: EmulatorContext,
  req: AuthorizeRequest,
  user: PoolUser,
  authTime: number,
  opts: { federated?: boolean } = {},
): Promise<string> {
  // With a third-party IdP and no app nonce, Cognito makes up its own (~170 base64url chars).
  const nonce = req.nonce ?? (opts.federated === true ? randomBytes(128).toString('base64url') : undefined);
  if (req.responseType === 'code') {
    const code = ctx.store.issueCode({
      username: user.username,
      authTime,
      clientId: req.client.clientId,
      redirectUri: req.redirectUri,
      scopes: req.scopes,
      ...(nonce !== undefined ? { nonce } : {}),
      ...(req.codeChallenge !== undefined ? { codeChallenge: req.codeChallenge } : {}),
    });
    const qs = queryString([['code', code], ['state', req.state]]);
    return `${req.redirectUri}${req.redirectUri.includes('?') ? '&' : '?'}${qs}`;
  }
  const tokens = await issueUserTokens(ctx, {
    user,
    client: req.client,
    scopes: req.scopes,
    authTime,
    originJti: randomUUID(),
    now: nowSeconds(ctx),
    ...(nonce !== undefined ? { nonce } : {}),
  });
  const fragment = queryString([
    ['id_token', tokens.idToken],
    ['access_token', tokens.accessToken],
    ['expires_in', String(req.client.accessTokenValiditySeconds)],
    ['token_type', 'Bearer'],
    ['state', req.state],
  ]);
  return `${req.redirectUri}#${fragment}`;
}
