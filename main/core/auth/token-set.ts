import type { TokenEndpointResponse, TokenEndpointResponseHelpers } from 'openid-client';
import type { Clock } from '../ports.js';
import { CLOCK_TOLERANCE_S } from './client.js';
import { checkIdTokenExtras } from './id-token-checks.js';
import type { TokenSet } from './types.js';

/** Runs the remaining ID token checks and shapes the response; `fallbackRefreshToken` covers Cognito without rotation. */
export function toTokenSet(result: TokenEndpointResponse & TokenEndpointResponseHelpers, clock: Clock, fallbackRefreshToken?: string): TokenSet {
  const now = clock.now();
  const claims = result.claims() as Record<string, unknown> | undefined;
  if (result.id_token !== undefined && claims !== undefined) {
    checkIdTokenExtras(result.id_token, claims, result.access_token, now, CLOCK_TOLERANCE_S);
  }
  const refreshToken = result.refresh_token ?? fallbackRefreshToken;
  const expiresAt = result.expires_in !== undefined ? now + result.expires_in * 1000
    : typeof claims?.exp === 'number' ? claims.exp * 1000 : now;
  return {
    ...(result.id_token !== undefined && { idToken: result.id_token }),
    accessToken: result.access_token,
    ...(refreshToken !== undefined && { refreshToken }),
    // openid-client lower-cases it; Cognito and RFC 6750 spell it Bearer.
    tokenType: result.token_type === 'bearer' ? 'Bearer' : result.token_type,
    expiresAt,
    ...(result.scope !== undefined && { scope: result.scope }),
    ...(claims !== undefined && { idClaims: { ...claims } }),
  };
}
