#!/usr/bin/env node
// `npm run bench`: runs every bench/*.js (but this file) in name order, each in its own node process,
// and prints its output. Benches print figures and assert nothing. When no Secret Service is set up
// and dbus-run-session is available, each runs inside a private one (scripts/with-keyring.sh), as the
// tests do, so keychain figures are real.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const benches = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.js') && f !== 'run.js').sort();
const haveDbus = spawnSync('sh', ['-c', 'command -v dbus-run-session && command -v gnome-keyring-daemon'], { stdio: 'ignore' }).status === 0;
const wrap = !process.env.COGNITO_INSPECTOR_TEST_KEYRING && haveDbus;

let failed = 0;
for (const file of benches) {
  console.log(`\n== bench/${file}`);
  const cmd = wrap ? ['dbus-run-session', '--', join(root, 'scripts/with-keyring.sh'), process.execPath, join(root, 'bench', file)] : [process.execPath, join(root, 'bench', file)];
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: root, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  // dbus-daemon's own chatter (fd limit, service activation) is noise here.
  process.stderr.write((r.stderr ?? '').split('\n').filter((l) => l && !/^dbus-daemon\[/.test(l)).map((l) => `${l}\n`).join(''));
  if (r.status !== 0) {
    failed++;
    console.log(`bench/${file} exited with ${r.status ?? r.signal}`);
  }
}
process.exitCode = failed ? 1 : 0;
