import type { ServerResponse } from 'node:http';
import { WEB_SHELL_CONTENT_SECURITY_POLICY } from '../core/security/content-security-policy.js';
import type { Refusal } from './request-guard.js';

/**
 * Headers on every response of the browser shell: the window's CSP (plus connect-src 'self'), no
 * framing, no referrer, nothing cached (pages, API answers and the launch redirect alike), and no
 * CORS headers at all, so no other origin may read anything.
 */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', WEB_SHELL_CONTENT_SECURITY_POLICY);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
}

/** An API refusal in the contract's error shape, so the bridge can show it like any other error. */
export function refuseApi(res: ServerResponse, refusal: Refusal): void {
  sendJson(res, refusal.status, { ok: false, error: { code: 'ACCESS_DENIED', message: refusal.reason, hint: 'only the page opened from the URL `cognito-inspector ui` printed may call this' } });
}

export function refusePage(res: ServerResponse, refusal: Refusal): void {
  res.writeHead(refusal.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Cognito Inspector: ${refusal.reason}\n`);
}
