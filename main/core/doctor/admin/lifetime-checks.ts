import type { Profile } from '../../profiles/schema.js';
import { finding, type Finding } from '../types.js';
import { clientConsole, duration, updateClient } from './fix-text.js';
import type { ClientSettings } from './settings.js';

/**
 * `token-validity`, `token-revocation`, `refresh-rotation`: the lifetimes and refresh behaviour the
 * client gives its tokens, said in what they mean for the person signed in.
 */
export function checkLifetimes(profile: Profile, userPoolId: string, c: ClientSettings): Finding[] {
  const update = (args: string) => updateClient(userPoolId, c.clientId, args);
  const lifetimesFix = `App client → Edit → Token expiration (${clientConsole('App client information')}), or: ${update('--access-token-validity 60 --id-token-validity 60 --refresh-token-validity 30 --token-validity-units AccessToken=minutes,IdToken=minutes,RefreshToken=days')}`;
  const out: Finding[] = [];
  for (const [subject, s] of [['access token', c.accessTokenSeconds], ['ID token', c.idTokenSeconds]] as const) {
    out.push(s < 300
      ? finding('token-validity', 'warn', subject, `${duration(s)}: below Cognito's 5-minute minimum (a real pool cannot be set this low)`, lifetimesFix)
      : finding('token-validity', 'pass', subject, `${duration(s)}: the app refreshes it silently about every ${duration(s)}${s <= 600 ? ' (short: a refresh request every few minutes while signed in)' : ''}`));
  }
  const refresh = c.refreshTokenSeconds;
  const absolute = c.rotation.enabled ? ' (rotation does not extend it: a rotated token keeps the first one\'s expiry)' : '';
  if (refresh <= Math.max(c.accessTokenSeconds, c.idTokenSeconds)) {
    out.push(finding('token-validity', 'fail', 'refresh token', `${duration(refresh)}: not longer than the access/ID tokens, so a refresh cannot extend the session: the user signs in again every ${duration(refresh)}`, lifetimesFix));
  } else {
    out.push(finding('token-validity', refresh < 86_400 ? 'warn' : 'pass', 'refresh token', `${duration(refresh)}: the user has to sign in again ${duration(refresh)} after signing in, however active${absolute}`, refresh < 86_400 ? lifetimesFix : ''));
  }
  if (profile.refreshTokenLifetimeSeconds !== undefined && profile.refreshTokenLifetimeSeconds !== refresh) {
    out.push(finding('token-validity', 'warn', 'profile refresh lifetime', `the profile says the refresh token lasts ${duration(profile.refreshTokenLifetimeSeconds)}; the client says ${duration(refresh)} (the app uses it to tell when a session ends)`,
      `cognito-inspector profiles edit ${profile.name} --refresh-token-lifetime ${refresh}`));
  }

  out.push(c.tokenRevocation
    ? finding('token-revocation', 'pass', c.clientId, 'on: signing out revokes the refresh token, and the access/ID tokens issued from it stop working at Cognito')
    : finding('token-revocation', 'fail', c.clientId, 'off: /oauth2/revoke answers invalid_request, so signing out leaves the refresh token usable until it expires',
      `turn on Enable token revocation (${clientConsole('App client information → Edit')}), or: ${update('--enable-token-revocation')}`));

  const g = c.rotation.gracePeriodSeconds;
  out.push(c.rotation.enabled
    ? finding('refresh-rotation', 'pass', c.clientId, `on: each refresh returns a new refresh token; the previous one ${g === 0 ? 'stops working at once (two windows refreshing at the same moment: one of them is signed out)' : `keeps working for ${g} s (grace period for a refresh that raced another)`}`)
    : finding('refresh-rotation', 'warn', c.clientId, 'off: the same refresh token is reused until it expires; a stolen one works for its whole lifetime',
      `turn on Refresh token rotation (${clientConsole('App client information → Edit')}; Essentials or Plus tier), or: ${update('--refresh-token-rotation Feature=ENABLED,RetryGracePeriodSeconds=10')}`));
  return out;
}
