#!/usr/bin/env node
/* global window */
// Renders the app's real renderer (dist/renderer) in Chromium with the real desktop core behind its
// bridge (Electron cannot run here), signs in to the local pool through the hosted UI, and saves
// screenshots for the README. Usage: npm run build && node scripts/screenshots.mjs
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
// Like a real browser launch, open() returns at once; the person signs in on the hosted UI meanwhile.
const opener = {
  async open(url) {
    void (async () => {
      const page = await browser.newPage();
      await page.goto(url);
      await page.screenshot({ path: 'docs/screenshots/hosted-ui.png' });
      await page.fill('input[name="username"]', 'alice');
      await page.fill('input[name="password"]', 'Passw0rd!');
      await page.click('button[type="submit"]');
    })();
  },
};
const core = await createDesktopCore({ home: await mkdtemp(join(tmpdir(), 'ci-shots-')), browser: opener, clock: { now: () => Date.now() }, log: () => {}, startLocalPool: () => startEmbeddedPool() });
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
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
await page.exposeFunction('__invoke', async (channel, request) => {
  try {
    return { ok: true, value: await core.handlers[channel](request) };
  } catch (err) {
    return { ok: false, error: err.toInfo ? err.toInfo() : { code: 'INTERNAL', message: String(err), hint: '' } };
  }
});
await page.addInitScript(() => {
  window.cognitoInspector = { invoke: (c, r) => window.__invoke(c, r), on: () => () => {} };
});
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForSelector('#profile option', { state: 'attached' });
await page.click('#sign-in');
await page.waitForSelector('#state[data-state="signed-in"]', { timeout: 30_000 });
await page.waitForSelector('#id-token table tr');
await page.click('#get-credentials');
await page.waitForSelector('#credentials table tr');
await page.screenshot({ path: 'docs/screenshots/app-signed-in.png', fullPage: false });
await page.locator('section.aws').screenshot({ path: 'docs/screenshots/aws-credentials.png' });
console.log('wrote docs/screenshots/{hosted-ui,app-signed-in,aws-credentials}.png');
await browser.close();
server.close();
await core.dispose();
