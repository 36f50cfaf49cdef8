import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../support/electron-mock.js';
import { APP_URL, rendererResponse } from '../../../main/app/app-protocol.js';

/**
 * The built renderer (dist/renderer) as the window loads it from app://app/ with the file-protocol
 * fuse off: every script and stylesheet the page names resolves inside app://app/ (not file://, not
 * another host) and is served with the MIME type Chromium requires (module scripts are refused
 * without a JavaScript type).
 */
const DIR = 'dist/renderer';

describe('the built renderer over app://', () => {
  it('serves the page and every resource it names, module scripts as JavaScript', async () => {
    expect(existsSync(`${DIR}/index.html`), 'run `npm run build` first').toBe(true);
    const html = readFileSync(`${DIR}/index.html`, 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const page = await rendererResponse(APP_URL, DIR);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    for (const [refs, type] of [[scripts, 'text/javascript; charset=utf-8'], [styles, 'text/css; charset=utf-8']] as const) {
      for (const ref of refs) {
        const url = new URL(ref, APP_URL);
        expect(`${url.protocol}//${url.host}`).toBe('app://app');
        const res = await rendererResponse(url.href, DIR);
        expect({ ref, status: res.status, type: res.headers.get('content-type') }).toEqual({ ref, status: 200, type });
      }
    }
  });
});
