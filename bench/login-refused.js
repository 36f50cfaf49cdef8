#!/usr/bin/env node
// Benchmark: how long a misconfigured login takes to fail (goal: under 3 s; before the authorize
// probe it was the whole --timeout, 300 s by default). signIn against the local pool with a
// redirect URI the client lacks and with a client id the pool does not have; the "browser" loads
// the start URL and follows redirects to wherever the pool sends it (its /error page), as a real
// browser would. The timeout is the CLI default (300 s). Prints the time to the error and the
// requests the pool saw (the probe is one extra GET /oauth2/authorize). Needs `npm run build:node`.
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = (p) => import(join(root, 'dist', p));
const { startEmulator } = await dist('emulator/index.js');
const { signIn } = await dist('main/core/auth/sign-in.js');
const { systemClock } = await dist('main/core/ports.js');

const browser = { open: async (url) => void fetch(url).then((r) => r.text()).catch(() => undefined) };
const emulator = await startEmulator({ port: 0 });
try {
  const cases = [
    ['redirect URI not registered', { clientId: 'localdemoclient0000000000', redirectUris: ['http://localhost:53682/not-registered'] }],
    ['client id unknown to the pool', { clientId: 'nosuchclient000000000000', redirectUris: ['http://localhost:53682/callback'] }],
  ];
  console.log('misconfigured login, time until the error (timeout 300 s, goal < 3 s):');
  for (const [label, cfg] of cases) {
    const before = emulator.requestLog.length;
    const t0 = performance.now();
    const code = await signIn({ issuer: emulator.issuer, scopes: ['openid'], ...cfg }, { clock: systemClock, browser, timeoutMs: 300_000 })
      .then(() => 'signed in?!', (err) => err.code);
    const ms = performance.now() - t0;
    const seen = emulator.requestLog.slice(before).map((e) => `${e.method} ${e.path}`);
    console.log(`  ${label.padEnd(32)} ${code.padEnd(18)} ${(ms / 1000).toFixed(2)} s   requests until then: ${seen.join(', ')}`);
  }
  // The same through the built CLI, as a person runs it (process start included).
  const { execFile } = await import('node:child_process');
  const run = (args, env) => new Promise((done) => execFile(process.execPath, args, { env }, (err, stdout, stderr) => done({ status: err ? err.code : 0, stderr })));
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const home = mkdtempSync(join(tmpdir(), 'bench-refused-'));
  for (const [label, cfg] of cases) {
    const t0 = performance.now();
    // The CLI runs in a child, asynchronously: the pool answers from this process.
    const r = await run([join(root, 'bin/cognito-inspector.js'), 'login', '--issuer', emulator.issuer, '--client-id', cfg.clientId,
      '--redirect-uri', cfg.redirectUris[0], '--browser-command', '/bin/true', '--allow-memory-only'], { ...process.env, COGNITO_INSPECTOR_HOME: home });
    const code = /error\[([A-Z_]+)\]/.exec(r.stderr)?.[1] ?? `exit ${r.status}`;
    console.log(`  cognito-inspector login, ${label.padEnd(32)} ${code.padEnd(18)} ${((performance.now() - t0) / 1000).toFixed(2)} s (exit ${r.status})`);
  }
} finally {
  await emulator.stop();
}
