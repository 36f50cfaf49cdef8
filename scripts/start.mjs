#!/usr/bin/env node
// `npm start`: build, then the desktop app with Electron when its binary is here (or can be fetched
// now), else the same window in the browser (`cognito-inspector ui`) after ONE plain line saying
// why. Never imports `electron` itself: in plain Node that module tries a download and throws.
// Arguments after `npm start --` go to `ui` (e.g. --no-browser, --port N, --profile NAME).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FETCH_TIMEOUT_MS = 60_000;

/** Where Electron's binary is, or why there is none. */
function electronBinary() {
  let dir;
  try {
    dir = dirname(createRequire(join(ROOT, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, relative || 'electron');
    return existsSync(path) ? { path } : { missing: `ELECTRON_OVERRIDE_DIST_PATH has no ${relative || 'electron'}` };
  }
  if (!relative) return { missing: 'its download never completed', dir };
  const path = join(dir, 'dist', relative);
  return existsSync(path) ? { path } : { missing: `${path} is missing`, dir };
}

/** Electron's own installer, quietly and bounded: a blocked or offline network must not hang the start. */
function fetchElectron(dir) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'ELECTRON_SKIP_BINARY_DOWNLOAD is set';
  const run = spawnSync(process.execPath, [join(dir, 'install.js')], { cwd: dir, stdio: 'ignore', timeout: FETCH_TIMEOUT_MS });
  if (run.error?.code === 'ETIMEDOUT') return `its download did not finish within ${FETCH_TIMEOUT_MS / 1000} s`;
  return run.status === 0 ? undefined : 'its download failed';
}

/** Runs a child with our terminal; Ctrl-C reaches it directly (same process group), so we only wait. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    const forward = (signal) => () => child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.once('error', () => resolve(1));
    child.once('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
const build = () => run(npm[0], [...npm[1], 'run', '-s', 'build']);

let electron = electronBinary();
if (!electron.path && electron.dir) {
  const why = fetchElectron(electron.dir);
  electron = electronBinary();
  if (why && !electron.path) electron.missing = why;
}

let code = await build();
if (code === 0) {
  if (electron.path) {
    code = await run(electron.path, ['.']);
  } else {
    process.stdout.write(`Electron's binary is not installed here (${electron.missing}); opening the app in your browser instead: cognito-inspector ui\n`);
    code = await run(process.execPath, [join(ROOT, 'bin/cognito-inspector.js'), 'ui', ...process.argv.slice(2)]);
  }
}
process.exitCode = code;
