import { protocol } from 'electron';
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../core/security/content-security-policy.js';

/**
 * The window's page comes from `app://app/`, a privileged custom scheme, not `file://`: with
 * `file://`, CSP `'self'` means every local file, and module scripts need the file-protocol
 * privileges the `grantFileProtocolExtraPrivileges` fuse takes away. `app://app/` serves only the
 * built renderer directory: nothing outside it, no other host, no traversal (dot segments, encoded
 * or not, backslashes, NUL, symlinks leading out).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'app';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Call before `app` is ready: standard (an origin, relative URLs), secure (a secure context, 'self').
 * Not corsEnabled: the page and its module scripts share the app://app origin, and that privilege
 * would let other origins read app:// responses without any Access-Control-Allow-Origin check.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Call once `app` is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(request.url, rendererDir));
}

/** The page itself: `app://app/index.html` (a query or fragment is still the page). */
export function isAppPage(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.pathname === '/index.html' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });

/** The answer for one `app://` request: a file of the renderer directory, or 400/404. */
export async function rendererResponse(url: string, rendererDir: string): Promise<Response> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return plain(400, 'bad URL');
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username !== '' || u.password !== '') return plain(404, 'not found');
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return plain(400, 'bad path');
  }
  if (path === '/') path = '/index.html';
  // Decoded segments are checked again: %2e%2e and %2f survive URL parsing as text.
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((s) => s === '..' || s === '.')) return plain(404, 'not found');
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path}`);
  if (!inside(root, file)) return plain(404, 'not found');
  let body: Buffer;
  try {
    // A symlink inside the directory must not lead out of it either.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!inside(realRoot, realFile)) return plain(404, 'not found');
    body = await readFile(realFile);
  } catch {
    return plain(404, 'not found');
  }
  const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
      ...(type.startsWith('text/html') ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
    },
  });
}

function inside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
