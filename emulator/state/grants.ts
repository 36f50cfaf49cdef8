/** What an authorization code, refresh token or session stands for. All in memory. */

export interface SignIn {
  username: string;
  /** Seconds since the epoch of the interactive sign-in; kept across refreshes as auth_time. */
  authTime: number;
}

export interface CodeGrant extends SignIn {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  nonce?: string;
  codeChallenge?: string;
  /** ms since the epoch */
  expiresAt: number;
}

export interface RefreshGrant extends SignIn {
  clientId: string;
  scopes: string[];
  /** Shared by every token issued from this sign-in; revoking any of them revokes the lot. */
  originJti: string;
  /** Absolute expiry (ms): rotation does not extend it. */
  expiresAt: number;
  /** Set when rotation replaced this token: it stays usable until this instant (ms), the grace period. */
  retiredUntil?: number;
}

export interface HostedSession extends SignIn {
  expiresAt: number;
}
