#!/usr/bin/env node
// Benchmark: N logins against the local pool through the sign-in engine (signIn: loopback listener,
// discovery, PKCE, code exchange, ID token validation), with a fetch-based "browser" that follows the
// redirect chain and posts the hosted UI's login form. Prints the HTTP requests the pool saw by
// endpoint (goal: discovery once then cached, JWKS once per kid, exactly one token request per login)
// and the client's own time from the callback's arrival to tokens verified (signIn's onTiming) and
// stored (a session-vault write: memory store always; the OS keychain too when a Secret Service is
// up). Goal: under 50 ms. Prints figures; asserts nothing. Needs `npm run build:node`.
import { decodeProtectedHeader } from 'jose';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const N = Number(process.env.BENCH_LOGINS ?? 10);
const CLIENT = 'localdemoclient0000000000';
const dist = (p) => import(join(root, 'dist', p));

const { startEmulator } = await dist('emulator/index.js');
const { signIn } = await dist('main/core/auth/sign-in.js');
const { createDiscoveryCache } = await dist('main/core/auth/discovery-cache.js');
const { createSessionVault } = await dist('main/core/secrets/session-vault.js');
const { createMemoryStore } = await dist('main/core/secrets/memory-store.js');
const { systemClock } = await dist('main/core/ports.js');

/**
 * A browser stand-in: follows redirects with its own cookie jar (so the hosted UI's XSRF cookie
 * round-trips) and fills the login form when the pool shows it. A new one per login, like a fresh
 * profile: every login goes through the form.
 */
function fetchBrowser(user = 'alice', password = 'Passw0rd!') {
  const jar = new Map();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  };
  async function go(url, init = {}) {
    for (let hop = 0; hop < 15; hop++) {
      const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: cookieHeader() } });
      remember(res);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        url = new URL(location, url).href;
        init = {};
        continue;
      }
      const body = await res.text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
      const action = /<form method="post" action="([^"]+)" id="login-form">/.exec(body)?.[1];
      if (csrf && action && !init.method) {
        url = new URL(action.replace(/&#38;|&amp;/g, '&'), url).href;
        init = {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: csrf, username: user, password }).toString(),
        };
        continue;
      }
      return { url, status: res.status };
    }
    throw new Error(`too many hops from ${url}`);
  }
  return { open: async (url) => void go(url).catch((err) => console.error(`browser: ${err.message}`)) };
}

/** Keychain vault when a Secret Service answers (the CLI's store), else null. */
async function keychainVault() {
  if (!process.env.COGNITO_INSPECTOR_TEST_KEYRING && !process.env.DBUS_SESSION_BUS_ADDRESS) return null;
  const { createSystemSecretStore } = await dist('main/core/secrets/system-store.js');
  const store = createSystemSecretStore();
  await store.get('probe');
  return store.persistent ? createSessionVault(store) : null;
}

const entryOf = (t) => ({
  refreshToken: t.refreshToken, idToken: t.idToken, accessToken: t.accessToken, tokenType: t.tokenType,
  expiresAt: t.expiresAt, issuedAt: Date.now(), signedInAt: Date.now(), ...(t.scope ? { scope: t.scope } : {}),
});

async function timedWrite(vault, profile, entry) {
  const t0 = performance.now();
  await vault.write(profile, entry);
  return performance.now() - t0;
}

const emulator = await startEmulator({ port: 0 });
try {
  const cache = createDiscoveryCache();
  const memoryVault = createSessionVault(createMemoryStore());
  const keychain = await keychainVault();
  const profile = `bench-login-${process.pid}`;
  const rows = [];
  const kids = new Set();
  for (let i = 0; i < N; i++) {
    let verifyMs = NaN;
    const tokens = await signIn(
      { issuer: emulator.issuer, clientId: CLIENT, scopes: ['openid', 'email', 'profile'], redirectUris: ['http://localhost:53682/callback', 'http://localhost:53683/callback'] },
      { clock: systemClock, discoveryCache: cache, browser: fetchBrowser(), timeoutMs: 30_000, onTiming: (t) => (verifyMs = t.callbackToTokensMs) },
    );
    kids.add(decodeProtectedHeader(tokens.idToken).kid);
    const memoryMs = await timedWrite(memoryVault, profile, entryOf(tokens));
    const keychainMs = keychain ? await timedWrite(keychain, profile, entryOf(tokens)) : NaN;
    rows.push({ verifyMs, memoryMs, keychainMs });
  }
  if (keychain) await keychain.remove(profile);

  console.log(`login bench: ${N} logins against the local pool (${emulator.issuer}) through signIn, one shared discovery cache`);
  console.log('\nHTTP requests the pool saw, by endpoint:');
  const counts = new Map();
  for (const e of emulator.requestLog) counts.set(`${e.method} ${e.path}`, (counts.get(`${e.method} ${e.path}`) ?? 0) + 1);
  for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(v).padStart(4)}  ${k}`);
  const count = (re) => [...counts].filter(([k]) => re.test(k)).reduce((s, [, v]) => s + v, 0);
  console.log(`\n  discovery: ${count(/openid-configuration$/)} (goal 1)   JWKS: ${count(/jwks\.json$/)} for ${kids.size} ID-token kid(s) (goal 1 per kid)   token: ${count(/^POST \/oauth2\/token$/)} for ${N} logins (goal ${N})`);

  const stats = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return { first: xs[0], median: sorted[Math.floor((sorted.length - 1) / 2)], max: sorted.at(-1) };
  };
  const fmt = (s) => `first ${s.first.toFixed(1)} ms, median ${s.median.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`;
  console.log('\nclient time from the callback\'s arrival (goal < 50 ms):');
  console.log(`  to tokens verified:                      ${fmt(stats(rows.map((r) => r.verifyMs)))}`);
  console.log(`  session-vault write, memory store:       ${fmt(stats(rows.map((r) => r.memoryMs)))}`);
  console.log(`  verified + stored (memory store):        ${fmt(stats(rows.map((r) => r.verifyMs + r.memoryMs)))}`);
  if (keychain) {
    console.log(`  session-vault write, OS keychain:        ${fmt(stats(rows.map((r) => r.keychainMs)))}`);
    console.log(`  verified + stored (OS keychain):         ${fmt(stats(rows.map((r) => r.verifyMs + r.keychainMs)))}`);
  } else {
    console.log('  (no Secret Service here: keychain write not measured; run under dbus-run-session -- scripts/with-keyring.sh)');
  }
} finally {
  await emulator.stop();
}
