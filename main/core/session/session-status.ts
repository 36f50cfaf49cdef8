import { decodeJwt } from 'jose';
import type { Profile } from '../profiles/schema.js';
import type { SessionTokens } from './types.js';

/**
 * What `status` and the app show about a session, with honest expiry: Cognito refresh tokens are
 * opaque, so their expiry is unknown unless the profile states the client's refresh lifetime, and
 * then it is "about"; with rotation it stays absolute from the first sign-in.
 */
export interface SessionStatus {
  profile: string;
  signedIn: boolean;
  /** The refresh token's known lifetime has passed and the access token has expired: sign in again. */
  expired?: boolean;
  persisted: boolean;
  user?: { sub?: string; username?: string; email?: string; groups?: string[] };
  accessToken?: { expiresAt: string; expiresInSeconds: number; expired: boolean };
  refreshToken: { present: boolean; expiry: 'unknown' | 'about'; about?: string; note: string };
  scope?: string;
}

export function sessionStatus(profile: Pick<Profile, 'name' | 'refreshTokenLifetimeSeconds'>, tokens: SessionTokens | null, now: number, persisted: boolean): SessionStatus {
  const present = Boolean(tokens?.refreshToken);
  const refreshToken: SessionStatus['refreshToken'] = !present
    ? { present, expiry: 'unknown', note: 'no refresh token' }
    : profile.refreshTokenLifetimeSeconds && tokens?.signedInAt
      ? {
          present,
          expiry: 'about',
          about: new Date(tokens.signedInAt + profile.refreshTokenLifetimeSeconds * 1000).toISOString(),
          note: 'from the profile\'s refresh lifetime and the first sign-in; with rotation the expiry stays absolute',
        }
      : { present, expiry: 'unknown', note: 'Cognito refresh tokens are opaque; set the profile\'s refresh lifetime to see an estimate' };
  // Known from the profile's refresh lifetime, without a request: past it only a live access token counts.
  const expired = Boolean(tokens && refreshToken.about && Date.parse(refreshToken.about) <= now && tokens.expiresAt <= now);
  const status: SessionStatus = { profile: profile.name, signedIn: Boolean(tokens && !expired && (present || tokens.expiresAt > now)), ...(expired ? { expired } : {}), persisted, refreshToken };
  if (tokens?.idToken) status.user = userOf(tokens.idToken);
  if (tokens?.accessToken && tokens.expiresAt) {
    status.accessToken = { expiresAt: new Date(tokens.expiresAt).toISOString(), expiresInSeconds: Math.round((tokens.expiresAt - now) / 1000), expired: tokens.expiresAt <= now };
  }
  if (tokens?.scope) status.scope = tokens.scope;
  return status;
}

function userOf(idToken: string): SessionStatus['user'] {
  try {
    const c = decodeJwt(idToken);
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const groups = Array.isArray(c['cognito:groups']) ? (c['cognito:groups'] as unknown[]).filter((g): g is string => typeof g === 'string') : undefined;
    return {
      ...(c.sub ? { sub: c.sub } : {}),
      ...(str(c['cognito:username']) ?? str(c.preferred_username) ? { username: str(c['cognito:username']) ?? str(c.preferred_username) } : {}),
      ...(str(c.email) ? { email: str(c.email) } : {}),
      ...(groups ? { groups } : {}),
    };
  } catch {
    return {};
  }
}

export function relativeSeconds(s: number): string {
  const abs = Math.abs(s);
  const text = abs < 90 ? `${abs} s` : abs < 5400 ? `${Math.round(abs / 60)} min` : abs < 172800 ? `${Math.round(abs / 3600)} h` : `${Math.round(abs / 86400)} days`;
  return s >= 0 ? `in ${text}` : `${text} ago`;
}
