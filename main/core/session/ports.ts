import type { AppError } from '../errors/app-error.js';
import type { SessionTokens } from './types.js';

/** Where sessions persist: the keychain entry of each profile (or memory, when there is no keychain). */
export interface SessionPersistence {
  /** false when sessions live in memory only and will not survive a restart. */
  readonly persisted: boolean;
  load(profile: string): Promise<SessionTokens | null>;
  /** Writes only when something changed (keychain writes can prompt the user). */
  save(profile: string, tokens: SessionTokens): Promise<void>;
  clear(profile: string): Promise<void>;
}

/** Tokens as the sign-in engine returns them. */
export interface TokenResponse {
  idToken?: string;
  accessToken: string;
  refreshToken?: string;
  tokenType?: string;
  expiresAt: number;
  scope?: string;
}

export interface SignInRequest {
  signal?: AbortSignal;
  timeoutMs?: number;
  openBrowser?: boolean;
  extraParams?: Record<string, string>;
  onListening?(info: { port: number; redirectUri: string; startUrl: string; authorizeUrl: string }): void;
  /** When given, a browser that fails to start does not end the sign-in: the user opens startUrl. */
  onBrowserError?(error: AppError): void;
}

/** The protocol operations, bound to a profile's client settings by the composition root. */
export interface AuthOps {
  signIn(profile: string, request: SignInRequest): Promise<TokenResponse>;
  /** Validates the new ID token against the previous one (same iss, sub, aud). */
  refresh(profile: string, refreshToken: string, previousIdToken: string | undefined): Promise<TokenResponse>;
  revoke(profile: string, refreshToken: string): Promise<void>;
}
