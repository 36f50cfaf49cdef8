import { decodeJwt } from 'jose';
import { finding, type DoctorSession, type Finding } from './types.js';

const lifetime = (jwt: string | undefined): number | undefined => {
  if (!jwt) return undefined;
  try {
    const c = decodeJwt(jwt);
    return typeof c.exp === 'number' && typeof c.iat === 'number' ? c.exp - c.iat : undefined;
  } catch {
    return undefined;
  }
};
const human = (s: number | undefined) => (s === undefined ? 'unknown' : s % 3600 === 0 ? `${s / 3600} h` : s % 60 === 0 ? `${s / 60} min` : `${s} s`);

/** `session`: a refresh works, whether it rotated the refresh token, the lifetimes tokens carry. */
export async function checkSession(session: DoctorSession | undefined, profileName: string): Promise<Finding[]> {
  if (!session) return [finding('session', 'skip', profileName, `not signed in (cognito-inspector login --profile ${profileName})`)];
  if (!session.refreshToken) return [finding('session', 'warn', profileName, 'the session has no refresh token: it cannot be renewed', 'sign in with the code grant (Cognito always returns a refresh token with it)')];
  let next;
  try {
    next = await session.refresh();
  } catch (err) {
    const e = err as { code?: string; message?: string; hint?: string };
    return [finding('session', 'fail', profileName, `the refresh failed: ${e.code ?? ''} ${e.message ?? String(err)}`.trim(), e.hint ?? `sign in again: cognito-inspector login --profile ${profileName}`)];
  }
  const rotated = Boolean(next.refreshToken && next.refreshToken !== session.refreshToken);
  return [
    finding('session', 'pass', 'refresh', 'a refresh works'),
    finding('session', rotated ? 'pass' : 'warn', 'rotation', rotated ? 'refresh-token rotation is on: the refresh returned a new refresh token' : 'refresh-token rotation was not seen: the refresh returned no new refresh token',
      rotated ? '' : 'if you want rotation: Cognito console → App client → Advanced security / Refresh token rotation (aws cognito-idp update-user-pool-client ... --refresh-token-rotation Feature=ENABLED,RetryGracePeriodSeconds=10)'),
    finding('session', 'pass', 'lifetimes', `ID token ${human(lifetime(next.idToken))}, access token ${human(lifetime(next.accessToken))}`),
  ];
}
