import * as oidc from 'openid-client';
import { toAppError } from '../errors/translate.js';
import { getClient, hintContext } from './client.js';
import { checkRefreshConsistency } from './id-token-checks.js';
import { toTokenSet } from './token-set.js';
import type { AuthDeps, ClientConfig, TokenSet } from './types.js';

/**
 * refresh_token grant. A new ID token is validated like the first (signature, iss, aud, exp, iat,
 * at_hash) and must keep the same iss, sub and aud (OIDC Core 12.2). Cognito without rotation sends
 * no new refresh token, so the old one is kept.
 */
export async function refreshTokens(cfg: ClientConfig, refreshToken: string, previous: { idClaims?: Record<string, unknown> }, deps: AuthDeps): Promise<TokenSet> {
  const client = await getClient(cfg, deps);
  try {
    const result = await oidc.refreshTokenGrant(client.config, refreshToken);
    const tokens = toTokenSet(result, deps.clock, refreshToken);
    if (tokens.idClaims !== undefined) checkRefreshConsistency(previous.idClaims, tokens.idClaims);
    return tokens;
  } catch (err) {
    throw toAppError(err, { ...hintContext(cfg), stage: 'refresh' });
  }
}
