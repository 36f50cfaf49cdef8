import type { IncomingMessage, ServerResponse } from 'node:http';

/** Cognito answers OAuth JSON (token, revoke, userInfo) with this exact content type. */
export const JSON_UTF8 = 'application/json;charset=UTF-8';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': JSON_UTF8,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate',
    Pragma: 'no-cache',
    ...headers,
  });
  res.end(text);
}

/** `{"error":"<code>"}` with HTTP 400, the shape of every token-endpoint refusal. */
export function sendOAuthError(res: ServerResponse, error: string, status = 400, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error }, headers);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/html;charset=UTF-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate',
    ...headers,
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string, setCookies: string[] = []): void {
  const headers: Record<string, string | string[]> = { Location: location, 'Content-Length': '0' };
  if (setCookies.length > 0) headers['Set-Cookie'] = setCookies;
  res.writeHead(302, headers);
  res.end();
}

export function parseCookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  const header = req.headers.cookie;
  if (header === undefined) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // a malformed cookie is ignored, never fatal
      continue;
    }
    out.set(name, value);
  }
  return out;
}

export function cookie(name: string, value: string, opts: { maxAgeSeconds: number; path?: string }): string {
  return `${name}=${encodeURIComponent(value)}; Max-Age=${opts.maxAgeSeconds}; Path=${opts.path ?? '/'}; HttpOnly; SameSite=Lax`;
}

export function clearCookie(name: string, path = '/'): string {
  return `${name}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=${path}; HttpOnly; SameSite=Lax`;
}

/** Parses an application/x-www-form-urlencoded body. A param given twice keeps its first value. */
export function parseForm(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString('utf8'));
}

export function isFormContentType(req: IncomingMessage): boolean {
  const ct = req.headers['content-type'] ?? '';
  return ct.toLowerCase().split(';')[0]?.trim() === 'application/x-www-form-urlencoded';
}

/** Builds a query string in the given key order, leaving out undefined values. */
export function queryString(pairs: [string, string | undefined][]): string {
  const qs = new URLSearchParams();
  for (const [k, v] of pairs) if (v !== undefined) qs.append(k, v);
  return qs.toString();
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
