import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Tests that spawn the CLI run dist/. `npm test` builds it first; a developer running one file after
 * editing sources gets a rebuild (npm run build:node) only when a source is newer than the build.
 */
export function ensureBuilt(): void {
  let built = 0;
  try {
    built = Math.min(statSync(join(ROOT, 'dist/main/cli/main.js')).mtimeMs, statSync(join(ROOT, 'dist/main/cli/fast-route.bundle.js')).mtimeMs);
  } catch {
    built = 0;
  }
  const sources = Math.max(newestSource(join(ROOT, 'main')), newestSource(join(ROOT, 'emulator')));
  if (sources > built) execFileSync('npm', ['run', '-s', 'build:node'], { cwd: ROOT, stdio: 'inherit' });
}
