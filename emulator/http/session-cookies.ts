import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EmulatorContext } from '../context.js';
import type { HostedSession } from '../state/grants.js';
import { clearCookie, cookie, parseCookies } from './respond.js';

/** The hosted-UI session cookie (Cognito's is also called `cognito`). */
export const SESSION_COOKIE = 'cognito';
/** The login/signup forms carry `_csrf`, matched against this cookie, as the hosted UI does. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
/** The simulated Google's own session; Cognito's /logout never touches it. */
export const GOOGLE_COOKIE = 'GOOGLE_SID';

export function currentSession(ctx: EmulatorContext, req: IncomingMessage): { id: string; session: HostedSession } | undefined {
  const id = parseCookies(req).get(SESSION_COOKIE);
  const session = ctx.store.findSession(id);
  return id !== undefined && session !== undefined ? { id, session } : undefined;
}

export function sessionCookie(id: string): string {
  return cookie(SESSION_COOKIE, id, { maxAgeSeconds: 3600 });
}

export function clearSessionCookie(): string {
  return clearCookie(SESSION_COOKIE);
}

export function newCsrf(): { token: string; cookie: string } {
  const token = randomBytes(18).toString('base64url');
  return { token, cookie: cookie(CSRF_COOKIE, token, { maxAgeSeconds: 3600 }) };
}

export function csrfMatches(req: IncomingMessage, form: URLSearchParams): boolean {
  const expected = parseCookies(req).get(CSRF_COOKIE);
  const given = form.get('_csrf');
  return expected !== undefined && expected !== '' && given === expected;
}
