#!/usr/bin/env node
/* global window */
// Renders the app's real renderer (dist/renderer) in Chromium with the real desktop core behind its
// bridge (Electron cannot run here), signs in to the local pool through the hosted UI, and saves
// screenshots of the top of the window for the README. Usage: npm run screenshots
import { createServer } from 'node:http';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { createDesktopCore } from '../dist/main/core/desktop/desktop-core.js';
import { startEmbeddedPool } from '../dist/emulator/embedded.js';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
// Like a real browser launch, open() returns at once; the person signs in on the hosted UI meanwhile
// (alice for the sign-in, bob for the Tester's Try).
let signIns = 0;
const opener = {
  async open(url) {
    const first = signIns++ === 0;
    void (async () => {
      const page = await browser.newPage();
      await page.goto(url);
      if (first) await page.screenshot({ path: 'docs/screenshots/hosted-ui.png' });
      await page.fill('input[name="username"]', first ? 'alice' : 'bob');
      await page.fill('input[name="password"]', 'Passw0rd!');
      await page.click('button[type="submit"]');
    })();
  },
};
const core = await createDesktopCore({ home: await mkdtemp(join(tmpdir(), 'ci-shots-')), browser: opener, clock: { now: () => Date.now() }, log: () => {}, startLocalPool: () => startEmbeddedPool({ port: 0 }) });
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname.replace(/^\/$/, '/index.html');
  try {
    const body = await readFile(join('dist/renderer', path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));

async function openWindow(colorScheme) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme });
  await page.exposeFunction('__invoke', async (channel, request) => {
    try {
      return { ok: true, value: await core.handlers[channel](request) };
    } catch (err) {
      return { ok: false, error: err.toInfo ? err.toInfo() : { code: 'INTERNAL', message: String(err), hint: '' } };
    }
  });
  await page.addInitScript(() => {
    const listeners = new Map();
    window.__emit = (channel, payload) => (listeners.get(channel) ?? []).forEach((l) => l(payload));
    window.cognitoInspector = {
      invoke: (c, r) => window.__invoke(c, r),
      on: (c, l) => {
        listeners.set(c, [...(listeners.get(c) ?? []), l]);
        return () => listeners.set(c, (listeners.get(c) ?? []).filter((x) => x !== l));
      },
    };
  });
  const emit = (channel) => (payload) => void page.evaluate(([c, p]) => window.__emit?.(c, p), [channel, payload]).catch(() => undefined);
  core.onSessionChanged(emit('session:changed'));
  core.onCredentialsChanged(emit('credentials:changed'));
  core.onSignInWaiting(emit('auth:waiting'));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  return page;
}

const page = await openWindow('light');
await page.getByRole('button', { name: 'Sign in', exact: true }).click();
await page.getByRole('status', { name: 'Session state: Signed in' }).waitFor({ timeout: 30_000 });
await page.getByRole('row').filter({ hasText: 'cognito:groups' }).first().waitFor();
await page.getByRole('status', { name: 'Signature status' }).first().waitFor();
await page.screenshot({ path: 'docs/screenshots/app-signed-in.png' });
await page.getByRole('tab', { name: 'AWS' }).click();
await page.getByRole('button', { name: 'Get credentials' }).click();
await page.getByText('Access key id').waitFor();
await page.screenshot({ path: 'docs/screenshots/aws-credentials.png' });
await page.getByRole('tab', { name: 'Inspect any token' }).click();
const idToken = await page.evaluate(() => window.__invoke('session:get', { profile: 'local-demo' }).then((r) => r.value.idToken));
await page.getByLabel(/Token \(paste a JWT/).fill(idToken);
await page.getByRole('row').filter({ hasText: 'token_use' }).first().waitFor();
await page.screenshot({ path: 'docs/screenshots/inspector.png' });
await page.getByRole('tab', { name: 'Tester' }).click();
await page.getByRole('checkbox', { name: 'phone' }).check();
await page.getByRole('button', { name: 'Try', exact: true }).click();
await page.getByRole('table', { name: /^Scopes asked and granted/ }).waitFor({ timeout: 30_000 });
await page.getByRole('heading', { name: 'Try result' }).evaluate((h) => h.scrollIntoView());
await page.screenshot({ path: 'docs/screenshots/tester-try.png' });

const dark = await openWindow('dark');
await dark.getByRole('status', { name: 'Session state: Signed in' }).waitFor({ timeout: 30_000 });
await dark.getByRole('row').filter({ hasText: 'cognito:groups' }).first().waitFor();
await dark.screenshot({ path: 'docs/screenshots/app-dark.png' });
console.log('wrote docs/screenshots/{hosted-ui,app-signed-in,aws-credentials,inspector,tester-try,app-dark}.png');
await browser.close();
server.close();
await core.dispose();
