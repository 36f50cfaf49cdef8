import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AppClientConfig } from '../config-schema.js';
import type { EmulatorContext } from '../context.js';
import { findClient } from './authorize-request.js';

export type ClientAuth = { ok: true; client: AppClientConfig } | { ok: false };

/**
 * client_secret_basic (Authorization: Basic) or client_secret_post (client_id + client_secret in
 * the body); a public client sends client_id alone. Any mismatch is invalid_client.
 */
export function authenticateClient(ctx: EmulatorContext, req: IncomingMessage, form: URLSearchParams): ClientAuth {
  const basic = parseBasic(req.headers.authorization);
  if (basic === 'malformed') return { ok: false };
  const bodyId = form.get('client_id') ?? undefined;
  const bodySecret = form.get('client_secret') ?? undefined;
  if (basic !== undefined && bodyId !== undefined && bodyId !== basic.id) return { ok: false };
  const client = findClient(ctx, basic?.id ?? bodyId);
  if (client === undefined) return { ok: false };
  const secret = basic?.secret ?? bodySecret;
  if (client.secret === undefined) return secret === undefined || secret === '' ? { ok: true, client } : { ok: false };
  return secret !== undefined && same(secret, client.secret) ? { ok: true, client } : { ok: false };
}

function parseBasic(header: string | undefined): { id: string; secret: string } | undefined | 'malformed' {
  if (header === undefined) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (m?.[1] === undefined) return 'malformed';
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

/** RFC 6749 §2.3.1 says form-encode before base64; tolerate clients that do not. */
function formDecode(s: string): string {
  try {
    return s.includes('%') ? decodeURIComponent(s) : s;
  } catch {
    return s;
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
