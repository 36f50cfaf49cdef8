import { relativeSeconds, type SessionStatus } from '../core/session/session-status.js';
import type { Io } from './output.js';
import { clean } from '../core/text/clean.js';

/** Claims and scope come from the provider's tokens: cleaned of terminal control sequences. */
export function printStatus(io: Io, s: SessionStatus): void {
  const lines: string[] = [];
  const u = s.user;
  if (u) lines.push(`user             ${clean(String(u.username ?? u.sub ?? '?'), 200)}${u.email ? ` <${clean(String(u.email), 200)}>` : ''}${u.groups?.length ? `  groups: ${clean(u.groups.join(', '), 500)}` : ''}`);
  if (s.accessToken) lines.push(`access token     ${s.accessToken.expired ? 'expired' : 'expires'} ${relativeSeconds(s.accessToken.expiresInSeconds)} (${s.accessToken.expiresAt})`);
  lines.push(`refresh token    ${s.refreshToken.present ? (s.refreshToken.expiry === 'about' ? `expires about ${s.refreshToken.about}` : 'expiry unknown') : 'none'} (${s.refreshToken.note})`);
  if (s.scope) lines.push(`scope            ${clean(s.scope, 500)}`);
  lines.push(`stored in        ${s.persisted ? 'the OS keychain' : 'memory only: the keychain is unavailable, this session ends with the process'}`);
  io.stdout(lines.join('\n') + '\n');
}
