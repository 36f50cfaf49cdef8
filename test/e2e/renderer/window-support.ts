import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEFAULT_CONFIG } from '../../../emulator/default-config.js';
import type { EmulatorConfigInput } from '../../../emulator/config-schema.js';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { createDesktopCore, type DesktopCore } from '../../../main/core/desktop/desktop-core.js';
import { systemClock } from '../../../main/core/ports.js';
import { openSecrets } from '../../../main/core/secrets/open-secrets.js';
import { loadRendererFiles } from '../../../main/web/renderer-files.js';
import { startWebShell, type WebShell } from '../../../main/web/web-shell.js';

export const SHORT_CLIENT = 'shortlivedclient000000000';
export const MISMATCH_PORT = 53699;

/**
 * The demo pool plus a second app client with 12-second tokens and refresh-token rotation, so a
 * silent refresh happens while the test watches.
 */
export function e2eConfig(): EmulatorConfigInput {
  const base = DEFAULT_CONFIG.userPool.clients[0]!;
  return {
    ...DEFAULT_CONFIG,
    userPool: {
      ...DEFAULT_CONFIG.userPool,
      clients: [
        base,
        { ...base, clientId: SHORT_CLIENT, name: 'short lifetimes', idTokenValiditySeconds: 12, accessTokenValiditySeconds: 12, refreshTokenRotation: { enabled: true, gracePeriodSeconds: 0 } },
      ],
    },
  };
}

export interface WindowHarness {
  emulator: Emulator;
  core: DesktopCore;
  shell: WebShell;
  home: string;
  /** URLs the core asked "the system browser" to open, in order. */
  nextBrowserUrl(): Promise<string>;
  /** Forgets URLs no one opened (a sign-in that ended before the person got there). */
  clearBrowserUrls(): void;
  close(): Promise<void>;
}

/**
 * The window as the browser shell serves it, in this process: the real desktop core (real keychain,
 * real emulator on 127.0.0.1) behind main/web's HTTP bridge; sign-ins go to the test's Chromium.
 */
export async function startWindow(opts: { signInTimeoutMs: number }): Promise<WindowHarness> {
  const emulator = await startEmulator({ port: 0, config: e2eConfig() });
  const home = await mkdtemp(join(tmpdir(), 'ci-window-e2e-'));
  const pool = { id: 'us-east-1:00000000-0000-4000-8000-000000000001', mode: 'enhanced', endpoint: emulator.url };
  const common = { issuer: emulator.issuer, region: 'us-east-1', logoutUri: 'http://localhost:53682/signed-out', identityProviders: ['Google'] };
  const profile = (name: string, extra: Record<string, unknown>) => ({ name, clientId: DEFAULT_CONFIG.userPool.clients[0]!.clientId, ...common, ...extra });
  const profiles = {
    demo: profile('demo', { scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'], identityPool: pool, refreshTokenLifetimeSeconds: 2592000 }),
    short: profile('short', { clientId: SHORT_CLIENT, scopes: ['openid', 'email', 'profile'] }),
    mismatch: profile('mismatch', { redirectUris: [`http://localhost:${MISMATCH_PORT}/callback`] }),
    'bad-scope': profile('bad-scope', { scopes: ['openid', 'offline_access'] }),
  };
  await writeFile(join(home, 'profiles.json'), JSON.stringify({ version: 1, profiles }, null, 2));
  // The keychain is shared by every file (as local-demo is, see isolate-local-demo.ts): a session an
  // earlier file left for these names would be restored here, and the window would not start signed out.
  if (process.env.COGNITO_INSPECTOR_TEST_KEYRING) {
    const { vault } = await openSecrets();
    for (const name of Object.keys(profiles)) await vault.remove(name);
  }

  const urls: string[] = [];
  const waiters: ((url: string) => void)[] = [];
  const browser = {
    async open(url: string) {
      const w = waiters.shift();
      if (w) w(url);
      else urls.push(url);
    },
  };
  const core = await createDesktopCore({ home, browser, clock: systemClock, log: () => undefined, signInTimeoutMs: opts.signInTimeoutMs });
  // The built renderer (from the sources, RENDERER_DIR would point at renderer/, not its build).
  const files = await loadRendererFiles(join(import.meta.dirname, '../../../dist/renderer/'));
  const shell = await startWebShell({ core, port: 0, idleMs: 10 * 60_000, onIdle: () => undefined, files });
  return {
    emulator,
    core,
    shell,
    home,
    clearBrowserUrls: () => void urls.splice(0),
    nextBrowserUrl: () => (urls.length ? Promise.resolve(urls.shift()!) : new Promise((r) => waiters.push(r))),
    async close() {
      await shell.close();
      await core.dispose();
      await emulator.stop();
    },
  };
}

/** axe-core on the whole page: no violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page: page as never }).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, label).toEqual([]);
}
