import type { ErrorInfo } from '../errors/app-error.js';

export type SessionState = 'signed-out' | 'signing-in' | 'signed-in' | 'refreshing' | 'expired' | 'error';

/** Tokens as the session manager keeps them (in memory, and in the keychain entry). */
export interface SessionTokens {
  idToken?: string;
  accessToken: string;
  refreshToken?: string;
  tokenType?: string;
  /** ms epoch */
  expiresAt: number;
  /** ms epoch: when these tokens were obtained (for the refresh schedule). */
  issuedAt: number;
  /** ms epoch of the first sign-in: with rotation, the refresh token's expiry is absolute from here. */
  signedInAt: number;
  scope?: string;
}

/** What observers see: never the refresh token. */
export interface SessionSnapshot {
  profile: string;
  state: SessionState;
  idToken?: string;
  accessToken?: string;
  accessTokenExpiresAt?: number;
  hasRefreshToken: boolean;
  signedInAt?: number;
  /** false when the keychain is unavailable and the session lives in memory only. */
  persisted: boolean;
  nextRefreshAt?: number;
  error?: ErrorInfo;
}

export interface SessionEvent {
  profile: string;
  snapshot: SessionSnapshot;
  /** Why the state changed, for the event timeline: 'restored', 'refreshed', 'rotated', 'retrying', ... */
  reason: string;
}
