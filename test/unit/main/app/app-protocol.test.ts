import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { electronMock } from '../../../support/electron-mock.js';
import { APP_URL, isAppPage, registerAppScheme, serveRenderer } from '../../../../main/app/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../../main/app/security.js';

/**
 * app://app/ serves the renderer directory and nothing else. A fixture directory stands in for
 * dist/renderer, next to a "secret" file outside it and a symlink inside that points out.
 */
let dir = '';
const get = async (url: string) => {
  const res = await electronMock.protocolHandlers.get('app')!(new Request(url));
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
};

beforeAll(async () => {
  const top = await mkdtemp(join(tmpdir(), 'ci-app-protocol-'));
  dir = join(top, 'renderer');
  await mkdir(join(dir, 'assets'), { recursive: true });
  await writeFile(join(dir, 'index.html'), '<!doctype html><script type="module" crossorigin src="./assets/index-abc.js"></script>');
  await writeFile(join(dir, 'assets', 'index-abc.js'), 'export const x = 1;');
  await writeFile(join(dir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(dir, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(join(dir, 'assets', 'data.bin'), 'x');
  await writeFile(join(top, 'secret.txt'), 'SECRET');
  await symlink(join(top, 'secret.txt'), join(dir, 'assets', 'link.txt'));
  serveRenderer(dir);
});

describe('app:// scheme', () => {
  it('is registered as standard and secure (so CSP \'self\' is app://app and module scripts load)', () => {
    registerAppScheme();
    expect(electronMock.privilegedSchemes).toContainEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) });
    expect(APP_URL).toBe('app://app/index.html');
  });

  it.each([
    ['app://app/index.html', 'text/html; charset=utf-8'],
    ['app://app/', 'text/html; charset=utf-8'],
    // module scripts are refused unless served with a JavaScript MIME type
    ['app://app/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://app/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['app://app/assets/logo.svg', 'image/svg+xml'],
    ['app://app/assets/data.bin', 'application/octet-stream'],
  ])('serves %s as %s', async (url, type) => {
    expect(await get(url)).toMatchObject({ status: 200, type });
  });

  it('puts the CSP on the page and nosniff on everything', async () => {
    const res = await electronMock.protocolHandlers.get('app')!(new Request('app://app/index.html'));
    expect([res.headers.get('content-security-policy'), res.headers.get('x-content-type-options')]).toEqual([CONTENT_SECURITY_POLICY, 'nosniff']);
  });

  it.each([
    'app://app/../../etc/passwd',
    'app://app/../secret.txt',
    'app://app/%2e%2e/%2e%2e/etc/passwd',
    'app://app/..%2f..%2fsecret.txt',
    'app://app/assets/..%2f..%2fsecret.txt',
    'app://app/%2e%2e%2fsecret.txt',
    'app://app/..%5c..%5csecret.txt',
    'app://app/assets/link.txt',
    'app://app/index.html%00.js',
    'app://app//etc/passwd',
    'app://app/%2fetc%2fpasswd',
    'app://other/index.html',
    'app://app/missing.js',
    'app://app/assets',
  ])('refuses %s', async (url) => {
    const res = await get(url);
    expect({ refused: res.status === 404 || res.status === 400, leaked: /SECRET|root:/.test(res.body) }).toEqual({ refused: true, leaked: false });
  });

  it('refuses a malformed percent-encoding with 400', async () => {
    expect((await get('app://app/%E0%A4%A.js')).status).toBe(400);
  });

  it.each([
    ['app://app/index.html', true],
    ['app://app/index.html#/tokens', true],
    ['app://app/other.html', false],
    ['app://evil/index.html', false],
    ['file:///app/index.html', false],
    ['https://app/index.html', false],
    [undefined, false],
    ['not a url', false],
  ])('isAppPage(%s) → %s', (url, want) => {
    expect(isAppPage(url)).toBe(want);
  });
});
