#!/usr/bin/env node
// Benchmark: `credentials --format process`, `token` and `status` answered from the keychain cache,
// next to `node -e 0`,
// on this machine in the same run (median of RUNS each, interleaved), and how many requests the
// local pool saw during the cached runs (goal 0). Needs the built CLI (npm run build:node) and a
// Secret Service:  dbus-run-session -- scripts/with-keyring.sh node bench/credentials.js
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const CLI = join(root, 'bin', 'cognito-inspector.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
const CLIENT = 'localdemoclient0000000000';
const PROFILE = `bench-${process.pid}`;

const { startEmulator } = await import(join(root, 'dist/emulator/index.js'));
const { createSystemSecretStore } = await import(join(root, 'dist/main/core/secrets/system-store.js'));
const { createSessionVault } = await import(join(root, 'dist/main/core/secrets/session-vault.js'));

/** alice signs in through the hosted UI over plain HTTP (code + PKCE), as the tests do. */
async function aliceTokens(e) {
  const verifier = randomBytes(32).toString('base64url');
  const q = new URLSearchParams({
    client_id: CLIENT, redirect_uri: 'http://localhost:53682/callback', response_type: 'code', scope: 'openid email profile', state: 's',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
  });
  const page = await fetch(`${e.url}/login?${q}`, { redirect: 'manual' });
  const xsrf = /XSRF-TOKEN=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${e.url}/login?${q}`, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `XSRF-TOKEN=${xsrf}` },
    body: new URLSearchParams({ _csrf: csrf, username: 'alice', password: 'Passw0rd!' }),
  });
  const code = new URL(res.headers.get('location') ?? '').searchParams.get('code');
  const tok = await fetch(`${e.url}/oauth2/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: CLIENT, code: code ?? '', redirect_uri: 'http://localhost:53682/callback', code_verifier: verifier }),
  });
  return tok.json();
}

/** Wall time of one child process. Asynchronous: the local pool runs in this process and must keep answering. */
function timed(cmd, args, env) {
  return new Promise((done, fail) => {
    const t0 = process.hrtime.bigint();
    let stderr = '';
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume(); // read, as a credential_process consumer does
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (status !== 0) fail(new Error(`${args.join(' ')} exited ${status}: ${stderr}`));
      else done(ms);
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const home = mkdtempSync(join(tmpdir(), 'ci-bench-'));
const env = { ...process.env, COGNITO_INSPECTOR_HOME: home };
const e = await startEmulator();
const store = createSystemSecretStore();
try {
  const add = spawnSync(process.execPath, [CLI, 'profiles', 'add', PROFILE, '--issuer', e.issuer, '--client-id', CLIENT, '--identity-pool-id', POOL, '--identity-endpoint', e.url], { env, encoding: 'utf8' });
  if (add.status !== 0) throw new Error(add.stderr);
  const t = await aliceTokens(e);
  const now = Date.now();
  await createSessionVault(store).write(PROFILE, { idToken: t.id_token, accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: now + t.expires_in * 1000, issuedAt: now, signedInAt: now });
  if (!store.persistent) console.log('note: no Secret Service here, so nothing is cached across processes; run under dbus-run-session -- scripts/with-keyring.sh');

  const args = [CLI, 'credentials', '--format', 'process', '--profile', PROFILE];
  const token = [CLI, 'token', '--profile', PROFILE];
  const status = [CLI, 'status', '--profile', PROFILE];
  await timed(process.execPath, args, env); // the miss: fills the cache
  const seen = e.requestLog.length;
  const runs = { base: [], credentials: [], token: [], status: [], version: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.base.push(await timed(process.execPath, ['-e', '0'], env));
    runs.credentials.push(await timed(process.execPath, args, env));
    runs.token.push(await timed(process.execPath, token, env));
    runs.status.push(await timed(process.execPath, status, env));
    runs.version.push(await timed(process.execPath, [CLI, '--version'], env));
  }
  const requests = e.requestLog.length - seen;
  const b = median(runs.base);
  const line = (name, xs, goal) => console.log(`${name.padEnd(46)} ${median(xs).toFixed(1).padStart(6)} ms  ${(median(xs) / b).toFixed(2)}x node -e 0${goal ? ` (goal <= ${goal}x)` : ''}`);
  console.log(`medians of ${RUNS} runs each, interleaved:`);
  console.log(`${'node -e 0'.padEnd(46)} ${b.toFixed(1).padStart(6)} ms`);
  line('credentials --format process (cached)', runs.credentials, 1.5);
  line('token (cached)', runs.token, 1.5);
  line('status (cached)', runs.status, 1.5);
  // For reading the ratios: the launcher + commander alone, before any command runs.
  line('for reference, cognito-inspector --version', runs.version);
  console.log(`requests to the local pool during the cached runs: ${requests} (goal 0)`);
} finally {
  await store.delete(`profile:${encodeURIComponent(PROFILE)}`).catch(() => undefined);
  await e.stop();
  rmSync(home, { recursive: true, force: true });
}
