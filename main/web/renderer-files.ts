import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../core/errors/app-error.js';

/**
 * The renderer build (dist/renderer), read into memory once at start: requests are looked up by
 * exact path in this map, so no request path ever reaches the file system (no traversal to guard).
 */
export interface StaticFile {
  body: Buffer;
  type: string;
}

export const RENDERER_DIR = fileURLToPath(new URL('../../renderer/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * index.html carries the Electron window's policy in a <meta> tag, which forbids fetch (`connect-src
 * 'none'`). A meta policy adds to the header one, so it would block this shell's bridge: the page is
 * served without it, under the header policy that is the same plus `connect-src 'self'`.
 */
export function withoutMetaCsp(html: string): string {
  return html.replace(/<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>\s*/gi, '');
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

export async function loadRendererFiles(dir: string = RENDERER_DIR): Promise<Map<string, StaticFile>> {
  let paths: string[];
  try {
    paths = await walk(dir);
  } catch (err) {
    throw new AppError('INVALID_CONFIG', `the window is not built (${dir} is missing)`, 'run `npm run build` in the project first', { cause: err });
  }
  const files = new Map<string, StaticFile>();
  for (const path of paths) {
    const url = '/' + relative(dir, path).split(sep).join('/');
    const body = await readFile(path);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    files.set(url, { body: url === '/index.html' ? Buffer.from(withoutMetaCsp(body.toString('utf8'))) : body, type });
  }
  if (!files.has('/index.html')) throw new AppError('INVALID_CONFIG', `the window is not built (no index.html in ${dir})`, 'run `npm run build` in the project first');
  return files;
}
