import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPool } from '../../../../emulator/embedded.js';
import { createDesktopCore, type DesktopCore } from '../../../../main/core/desktop/desktop-core.js';
import type { SessionView } from '../../../../main/core/ipc/contract.js';
import { systemClock } from '../../../../main/core/ports.js';
import { KEYCHAIN_SERVICE } from '../../../../main/core/secrets/keyring-store.js';
import { launchChromium } from '../../../support/browser.js';
import { chromiumOpener } from '../../../support/chromium-opener.js';
import { KEYRING, NO_KEYRING } from '../../../support/session-fixtures.js';

if (!KEYRING) console.warn(`desktop-core.test.ts: keychain checks skipped${NO_KEYRING}`);

/** Accounts the app keeps in the real Secret Service, read with secret-tool; a failing secret-tool fails the test. */
async function keychainAccounts(): Promise<string[]> {
  // secret-tool prints the attributes on stderr (the secrets on stdout, not kept).
  const { stderr } = await promisify(execFile)('secret-tool', ['search', '--all', 'service', KEYCHAIN_SERVICE]);
  return [...stderr.matchAll(/^attribute\.(?:account|username) = (.*)$/gm)].map((m) => m[1] ?? '');
}

/**
 * The desktop app's core as a newcomer meets it on first start: no profile, so the embedded local
 * pool starts and is offered; signing in goes through the real hosted UI in Chromium; the token
 * inspector verifies what came back. Only Electron itself is absent (see test/unit/main/app).
 */
describe('desktop core on first start', () => {
  let chromium: Browser;
  let core: DesktopCore;
  let home: string;
  const events: SessionView[] = [];
  const opener = { current: undefined as ReturnType<typeof chromiumOpener> | undefined };
  let embedded: Awaited<ReturnType<typeof startEmbeddedPool>> | undefined;

  beforeAll(async () => {
    chromium = await launchChromium();
    opener.current = chromiumOpener(chromium);
    home = await mkdtemp(join(tmpdir(), 'ci-desktop-'));
    core = await createDesktopCore({ home, browser: opener.current, clock: systemClock, log: () => undefined, startLocalPool: async () => (embedded = await startEmbeddedPool()) });
    core.onSessionChanged((v) => events.push(v));
  });

  afterAll(async () => {
    await core?.dispose();
    await chromium?.close();
  });

  it('offers the local pool (demo) and stores only non-secret settings for it', async () => {
    const list = await core.handlers['profiles:list']({} as never);
    expect(list).toEqual([expect.objectContaining({ name: 'local-demo', clientId: 'localdemoclient0000000000', local: true })]);
    const file = JSON.parse(await readFile(join(home, 'profiles.json'), 'utf8'));
    expect(Object.keys(file.profiles)).toEqual(['local-demo']);
    expect((await core.handlers['session:get']({ profile: 'local-demo' } as never)).state).toBe('signed-out');
  });

  it('signs in through the hosted UI, emits session events, and never exposes the refresh token', async () => {
    const waiting: unknown[] = [];
    const off = core.onSignInWaiting((w) => waiting.push(w));
    const view = await core.handlers['auth:sign-in']({ profile: 'local-demo' } as never);
    off();
    // the window is told where the sign-in waits, for a browser that did not open
    expect(waiting).toEqual([{ profile: 'local-demo', startUrl: expect.stringMatching(/^http:\/\/localhost:5368[23]\/start\/[\w-]{22}$/), deadline: expect.any(Number) }]);
    expect(view).toMatchObject({ profile: 'local-demo', state: 'signed-in' });
    expect(view.idToken).toMatch(/^eyJ/);
    // the window learns that a refresh token is held and where, never the token itself
    const stored = await core.secrets.vault.read('local-demo');
    expect(stored?.refreshToken).toBeTruthy();
    expect(JSON.stringify(view)).not.toContain(stored!.refreshToken!);
    expect(Object.keys(view)).not.toContain('refreshToken');
    expect(view).toMatchObject({ hasRefreshToken: true, refreshTokenStorage: 'keychain' });
    expect(await opener.current!.done[0]).toMatch(/signed in|success/i);
    // restore on start reports the initial state, then the sign-in's own transitions
    expect(events.map((e) => e.state)).toEqual(['signed-out', 'signing-in', 'signed-in']);
  });

  it('inspects the ID token and verifies it against the local pool', async () => {
    const view = await core.handlers['session:get']({ profile: 'local-demo' } as never);
    const report = await core.handlers['inspect:token']({ token: view.idToken!, audience: 'localdemoclient0000000000', verify: { profile: 'local-demo' } } as never);
    expect([report.verification?.status, report.verification?.pinnedBy]).toEqual(['valid', 'saved profile "local-demo"']);
    // without `verify` the same token is only decoded
    expect((await core.handlers['inspect:token']({ token: view.idToken! } as never)).verification).toBeNull();
    expect(report.claims.map((c) => c.name)).toEqual(expect.arrayContaining(['sub', 'cognito:username', 'token_use', 'cognito:groups']));
  });

  it('gets AWS credentials from the identity pool, shows no secret to the renderer, and plans their renewal', async () => {
    const changes: unknown[] = [];
    const off = core.onCredentialsChanged((v) => changes.push(v));
    const first = await core.handlers['credentials:get']({ profile: 'local-demo' } as never);
    expect(first).toMatchObject({ profile: 'local-demo', cached: false, roleArn: 'arn:aws:iam::123456789012:role/LocalDemoAdmin' });
    expect(first.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(first.identityId).toMatch(/^us-east-1:[0-9a-f-]+$/);
    // renewed on its own 5 minutes before the 1-hour credentials expire
    expect(first.renewsAt).toBe(first.expiration! - 5 * 60_000);
    expect(Object.keys(first).filter((k) => /secret|session/i.test(k))).toEqual([]);
    const again = await core.handlers['credentials:get']({ profile: 'local-demo' } as never);
    expect(again).toMatchObject({ cached: true, accessKeyId: first.accessKeyId });
    expect(changes).toEqual([first, again]);
    off();
  });

  it.skipIf(!KEYRING)('keeps the signed-in session in the OS keychain (real gnome-keyring)', async () => {
    expect(await keychainAccounts()).toContain('profile:local-demo');
  });

  it('signs out: the refresh token is revoked at the pool', async () => {
    const view = await core.handlers['session:get']({ profile: 'local-demo' } as never);
    const originJti = String(decodeJwt(view.idToken ?? '').origin_jti);
    const pool = embedded!.emulator;
    expect(pool.isRevoked(originJti)).toBe(false);
    pool.clearLog();
    expect((await core.handlers['auth:sign-out']({ profile: 'local-demo' } as never)).state).toBe('signed-out');
    expect(pool.requestLog.filter((r) => r.method === 'POST').map((r) => `${r.path} ${r.status}`)).toEqual(['/oauth2/revoke 200']);
    expect(pool.isRevoked(originJti)).toBe(true);
  });

  it.skipIf(!KEYRING)('signs out: the keychain entry is gone (real gnome-keyring)', async () => {
    expect((await keychainAccounts()).filter((a) => a.startsWith('profile:local-demo'))).toEqual([]);
  });
});
