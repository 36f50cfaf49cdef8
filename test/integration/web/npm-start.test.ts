import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawRequest, ROOT } from './support.js';

/**
 * `npm start` as a newcomer runs it on this machine, where Electron's binary cannot be had: one
 * plain line says so and the app opens in the browser instead. ELECTRON_SKIP_BINARY_DOWNLOAD keeps
 * the attempt to fetch it off the shared install (a download is what this machine cannot do anyway).
 */
const electronPresent = existsSync(join(ROOT, 'node_modules/electron/path.txt'));

describe('npm start without an Electron binary', () => {
  it.skipIf(electronPresent)('prints one plain line, serves the window in the browser shell, and stops on Ctrl-C', { timeout: 240_000 }, async () => {
    const home = await mkdtemp(join(tmpdir(), 'ci-start-'));
    const env: NodeJS.ProcessEnv = { ...process.env, COGNITO_INSPECTOR_HOME: home, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', NO_COLOR: '1' };
    delete env.BROWSER;
    // Its own process group, so Ctrl-C can reach npm, the start script and ui together, as in a terminal.
    const child = spawn('npm', ['start', '--', '--no-browser', '--port', '0'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    // Closed once every process of the group (npm, the start script, ui) has exited.
    const outputClosed = new Promise<void>((r) => child.stdout.once('close', () => r()));
    try {
      const launchUrl = await new Promise<string>((resolve, reject) => {
        const onData = () => {
          const m = /(http:\/\/127\.0\.0\.1:\d+\/launch\?\S+)/.exec(out);
          if (m) resolve(m[1]!);
        };
        child.stdout.on('data', onData);
        void exited.then((code) => reject(new Error(`npm start exited (${code}):\n${out}\n${err}`)));
      });

      const lines = out.split('\n').filter((l) => /electron/i.test(l));
      expect(lines).toEqual([expect.stringMatching(/^Electron's binary is not installed here \(.+\); opening the app in your browser instead: cognito-inspector ui$/)]);
      expect(out + err).not.toMatch(/\n\s+at |Electron failed to install/);

      const launch = await rawRequest(launchUrl);
      expect(launch.status).toBe(200);
      const cookie = String(launch.headers['set-cookie']).split(';')[0]!;
      const page = await rawRequest(`${new URL(launchUrl).origin}/`, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>Cognito Inspector</title>');
    } finally {
      process.kill(-child.pid!, 'SIGINT');
    }
    // npm itself ends by the signal (as in a terminal); ui says it stopped and leaves nothing running.
    await outputClosed;
    expect(out).toMatch(/Stopping \(Ctrl-C\)\.\n/);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
