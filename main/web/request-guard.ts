import type { IncomingHttpHeaders } from 'node:http';
import { HTTP_REQUEST_HEADER } from '../core/ipc/http-transport.js';
import type { LaunchGate } from './launch-gate.js';

/**
 * The checks every request to the browser shell passes before anything runs, as pure functions of
 * the request so each attack is one table row in the tests:
 *  - Host must name this machine with our port (a DNS-rebound evil.example is refused);
 *  - every page and API request needs the session cookie of this launch;
 *  - API requests also need our own Origin, the custom header (so no "simple" cross-site request
 *    qualifies) and a JSON body.
 */
export type Refusal = { status: 400 | 403 | 405 | 415 | 421; reason: string };

export interface GuardContext {
  port: number;
  gate: LaunchGate;
}

export const cookieName = (port: number) => `cognito_inspector_${port}`;

/** The exact Host values we answer to: loopback names with our port, nothing else. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function checkHost(headers: IncomingHttpHeaders, port: number): Refusal | undefined {
  const host = headers.host?.toLowerCase();
  if (!host || !allowedHosts(port).has(host)) return { status: 421, reason: 'this server answers only to its loopback address' };
  return undefined;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function checkSession(headers: IncomingHttpHeaders, ctx: GuardContext): Refusal | undefined {
  if (!ctx.gate.isSession(readCookie(headers.cookie, cookieName(ctx.port)))) {
    return { status: 403, reason: 'not signed in to this launch: open the URL that `cognito-inspector ui` printed (restart it for a new one)' };
  }
  return undefined;
}

/** An API request: the cookie, POST, same origin, our header, JSON. */
export function checkApi(method: string | undefined, headers: IncomingHttpHeaders, ctx: GuardContext): Refusal | undefined {
  const hostRefusal = checkHost(headers, ctx.port);
  if (hostRefusal) return hostRefusal;
  const sessionRefusal = checkSession(headers, ctx);
  if (sessionRefusal) return sessionRefusal;
  if (method !== 'POST') return { status: 405, reason: 'API requests are POST' };
  // Origin must be the very origin the page was loaded from (Host is already checked).
  if (headers.origin !== `http://${headers.host!.toLowerCase()}`) return { status: 403, reason: 'cross-origin request refused' };
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return { status: 403, reason: 'cross-site request refused' };
  if (headers[HTTP_REQUEST_HEADER] !== '1') return { status: 403, reason: `missing ${HTTP_REQUEST_HEADER} header` };
  if (!/^application\/json(\s*;|$)/i.test(headers['content-type'] ?? '')) return { status: 415, reason: 'API requests are JSON' };
  return undefined;
}
