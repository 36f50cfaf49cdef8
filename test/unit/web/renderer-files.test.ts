import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRendererFiles, withoutMetaCsp } from '../../../main/web/renderer-files.js';

describe('renderer files', () => {
  it("drops the window's <meta> CSP (it would forbid the bridge's fetch); the header carries the policy", () => {
    const html = `<head>\n<meta charset="utf-8" />\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'none'" />\n<title>x</title>`;
    expect(withoutMetaCsp(html)).toBe('<head>\n<meta charset="utf-8" />\n<title>x</title>');
  });

  it('serves exactly the files of the build, by path, with their types', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ci-renderer-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<meta http-equiv="Content-Security-Policy" content="x"><p>hi</p>');
    await writeFile(join(dir, 'assets/app.js'), 'console.log(1)');
    const files = await loadRendererFiles(dir);
    expect([...files.keys()].sort()).toEqual(['/assets/app.js', '/index.html']);
    expect(files.get('/index.html')!.body.toString()).toBe('<p>hi</p>');
    expect(files.get('/assets/app.js')!.type).toBe('text/javascript; charset=utf-8');
  });

  it('says how to fix a missing build', async () => {
    await expect(loadRendererFiles(join(tmpdir(), 'no-such-renderer-build'))).rejects.toMatchObject({ code: 'INVALID_CONFIG', hint: expect.stringContaining('npm run build') });
  });
});
