import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = ['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'LoadBrowserProcessSpecificV8Snapshot', 'GrantFileProtocolExtraPrivileges'];

/**
 * electron-builder packages the real app with a stub `electronDist`: no Electron binary can be
 * downloaded here. The stub carries Electron's fuse sentinel with every fuse on, so the fuse
 * settings in electron-builder.yml are really applied and can be read back.
 */
describe('packaging with electron-builder (stub Electron distribution)', () => {
  let work: string;
  let out: string;

  beforeAll(async () => {
    expect(existsSync('dist/main/app/main.js'), 'run `npm run build` first').toBe(true);
    work = await mkdtemp(join(tmpdir(), 'ci-pack-'));
    const dist = join(work, 'electron-dist');
    await mkdir(dist, { recursive: true });
    const stub = Buffer.concat([Buffer.from('#!/bin/sh\necho stub electron\n# '), Buffer.from(SENTINEL), Buffer.from([1, FUSES.length]), Buffer.from('1'.repeat(FUSES.length)), Buffer.from('\n')]);
    await writeFile(join(dist, 'electron'), stub);
    await chmod(join(dist, 'electron'), 0o755);
    await writeFile(join(dist, 'version'), 'v45.5.0');
    await writeFile(join(dist, 'LICENSE'), '');
    await writeFile(join(dist, 'LICENSES.chromium.html'), '');
    out = join(work, 'release');
    await run('npx', ['electron-builder', '--linux', 'dir', '--config', 'electron-builder.yml', `-c.electronDist=${dist}`, '-c.electronVersion=45.5.0', `-c.directories.output=${out}`], {
      env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
      maxBuffer: 20 * 1024 * 1024,
    });
  }, 240_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('puts the compiled app, preload and renderer in app.asar, and no tests, sources or source maps', () => {
    const files = listPackage(join(out, 'linux-unpacked', 'resources', 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const f of ['/dist/main/app/main.js', '/dist/preload/index.cjs', '/dist/renderer/index.html', '/dist/emulator/index.js', '/package.json']) expect(files).toContain(f);
    const own = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(own.filter((f) => f.startsWith('/test/') || f.startsWith('/main/') || /\.(map|ts)$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('keeps the keychain binding outside the archive so it can load', () => {
    expect(existsSync(join(out, 'linux-unpacked', 'resources', 'app.asar.unpacked', 'node_modules', '@napi-rs', 'keyring-linux-x64-gnu'))).toBe(true);
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no inspector flags, asar only, integrity checked', async () => {
    const bin = await readFile(join(out, 'linux-unpacked', 'cognito-inspector'));
    const at = bin.indexOf(SENTINEL) + SENTINEL.length + 2;
    const wire = Object.fromEntries(FUSES.map((name, i) => [name, String.fromCharCode(bin[at + i]!)]));
    expect(wire).toEqual({
      RunAsNode: '0',
      EnableCookieEncryption: '1',
      EnableNodeOptionsEnvironmentVariable: '0',
      EnableNodeCliInspectArguments: '0',
      EnableEmbeddedAsarIntegrityValidation: '1',
      OnlyLoadAppFromAsar: '1',
      LoadBrowserProcessSpecificV8Snapshot: '1',
      GrantFileProtocolExtraPrivileges: '0',
    });
  });
});
