import { relativeSeconds, type SessionStatus } from '../core/session/session-status.js';
import type { Io } from './output.js';

export function printStatus(io: Io, s: SessionStatus): void {
  const lines: string[] = [];
  const u = s.user;
  if (u) lines.push(`user             ${u.username ?? u.sub ?? '?'}${u.email ? ` <${u.email}>` : ''}${u.groups?.length ? `  groups: ${u.groups.join(', ')}` : ''}`);
  if (s.accessToken) lines.push(`access token     ${s.accessToken.expired ? 'expired' : 'expires'} ${relativeSeconds(s.accessToken.expiresInSeconds)} (${s.accessToken.expiresAt})`);
  lines.push(`refresh token    ${s.refreshToken.present ? (s.refreshToken.expiry === 'about' ? `expires about ${s.refreshToken.about}` : 'expiry unknown') : 'none'} (${s.refreshToken.note})`);
  if (s.scope) lines.push(`scope            ${s.scope}`);
  lines.push(`stored in        ${s.persisted ? 'the OS keychain' : 'memory only: the keychain is unavailable, this session ends with the process'}`);
  io.stdout(lines.join('\n') + '\n');
}
