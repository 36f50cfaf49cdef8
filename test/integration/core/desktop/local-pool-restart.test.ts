import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localPoolStateDir, startEmbeddedPool } from '../../../../emulator/embedded.js';
import { keysAccount, STATE_FILE, type Emulator } from '../../../../emulator/index.js';
import { createDesktopCore, type DesktopCore } from '../../../../main/core/desktop/desktop-core.js';
import { LOCAL_PROFILE } from '../../../../main/core/desktop/local-pool.js';
import { createSystemSecretStore } from '../../../../main/core/secrets/system-store.js';
import { launchChromium } from '../../../support/browser.js';
import { chromiumOpener } from '../../../support/chromium-opener.js';
import { freePort, jumpableClock, KEYRING, NO_KEYRING, tokenPosts } from '../../../support/session-fixtures.js';

/**
 * The demo keeps the product's promise: sign in to the embedded pool once, stop the app's core and
 * the pool, start both again with the same home: the session is back with no sign-in and no
 * request; once its tokens have expired, the next start refreshes it with exactly one request to the
 * restarted pool. Nothing secret is left in a file: no refresh token, no private key, no code.
 * The session and the pool's keys live in the real keychain, so this needs gnome-keyring.
 */
describe.skipIf(!KEYRING)(`the local pool and its session across restarts${NO_KEYRING}`, () => {
  let chromium: Browser;
  let home: string;
  let port: number;
  let core: DesktopCore | undefined;
  const clock = jumpableClock();
  const pools: Emulator[] = [];
  const opener = { current: undefined as ReturnType<typeof chromiumOpener> | undefined };
  /** A browser that must not be needed: a restored session asks for no sign-in. */
  const opened: string[] = [];

  const start = async (browser: 'chromium' | 'none') => {
    core = await createDesktopCore({
      home,
      clock,
      log: () => undefined,
      browser: browser === 'chromium' ? opener.current! : { open: async (url) => void opened.push(url) },
      startLocalPool: async () => {
        const pool = await startEmbeddedPool({ port, clock, state: { dir: localPoolStateDir(home), keys: createSystemSecretStore() } });
        pools.push(pool.emulator);
        return pool;
      },
    });
    return core;
  };

  beforeAll(async () => {
    chromium = await launchChromium();
    opener.current = chromiumOpener(chromium);
    home = await mkdtemp(join(tmpdir(), 'ci-local-pool-'));
    port = await freePort(); // the same port each start, as LOCAL_POOL_PORT is for the app
  });

  afterAll(async () => {
    await core?.handlers['auth:sign-out']({ profile: LOCAL_PROFILE } as never).catch(() => undefined);
    await core?.dispose();
    await chromium?.close();
  });

  let signedIn: { idToken: string; refreshToken: string };

  it('signs in to the embedded pool through the hosted UI', async () => {
    const first = await start('chromium');
    expect((await first.handlers['session:get']({ profile: LOCAL_PROFILE } as never)).state).toBe('signed-out');
    const view = await first.handlers['auth:sign-in']({ profile: LOCAL_PROFILE } as never);
    expect(view.state).toBe('signed-in');
    const stored = await first.secrets.vault.read(LOCAL_PROFILE);
    expect(stored?.refreshToken).toBeTruthy();
    signedIn = { idToken: view.idToken!, refreshToken: stored!.refreshToken! };
    await first.dispose();
  });

  it('a restart restores the session from the keychain: no sign-in, no request', async () => {
    const second = await start('none');
    const view = await second.handlers['session:get']({ profile: LOCAL_PROFILE } as never);
    expect({ state: view.state, idToken: view.idToken }).toEqual({ state: 'signed-in', idToken: signedIn.idToken });
    // The window's first round trip, once restored, carries the same session.
    expect(await second.handlers['app:bootstrap']({ profile: LOCAL_PROFILE } as never)).toMatchObject({ selected: LOCAL_PROFILE, session: view });
    expect({ opened, tokenPosts: tokenPosts(pools.at(-1)!) }).toEqual({ opened: [], tokenPosts: 0 });
    // The restored ID token still verifies: the restarted pool signs with the kept keys.
    const report = (await second.handlers['inspect:token']({ token: view.idToken!, audience: 'localdemoclient0000000000', verify: { profile: LOCAL_PROFILE } } as never)) as { verification?: { status: string } };
    expect(report.verification?.status).toBe('valid');
    await second.dispose();
  });

  it('a restart after the tokens expired refreshes silently, with one request to the restarted pool', async () => {
    clock.jump(2 * 3600_000); // the lid was closed for two hours: the 1-hour tokens have expired
    const third = await start('none');
    // Asked while the restore is still refreshing: the window's first answer leaves the session out
    // (the window then waits on session:get) rather than say "signed out" or "expired" for a moment.
    const early = await third.handlers['app:bootstrap']({} as never);
    expect({ selected: early.selected, state: early.session?.state ?? 'left out' }).toEqual({ selected: LOCAL_PROFILE, state: expect.stringMatching(/^(left out|signed-in)$/) });
    const view = await third.handlers['session:get']({ profile: LOCAL_PROFILE } as never);
    const pool = pools.at(-1)!;
    expect(pools.map((p) => p.issuer)).toEqual([pools[0]!.issuer, pools[0]!.issuer, pools[0]!.issuer]); // the same port each start
    expect({ state: view.state, error: view.error, opened, tokenPosts: tokenPosts(pool) }).toEqual({ state: 'signed-in', error: undefined, opened: [], tokenPosts: 1 });
    expect(view.idToken).not.toBe(signedIn.idToken);
    expect(view.accessTokenExpiresAt).toBeGreaterThan(clock.now());
  });

  it('leaves no refresh token, private key or authorization code in any file under the home and the pool state', async () => {
    const files = (await readdir(home, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
    expect(files).toContain(join(localPoolStateDir(home), STATE_FILE));
    const text = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
    const state = JSON.parse(await readFile(join(localPoolStateDir(home), STATE_FILE), 'utf8')) as { stateId: string };
    const keys = JSON.parse((await createSystemSecretStore().get(keysAccount('us-east-1_LocalDemo', state.stateId))) ?? 'null') as { id: { d: string }; access: { d: string } };
    const codes = opener.current!.requests.map((u) => new URL(u).searchParams.get('code')).filter((c): c is string => Boolean(c));
    const current = (await core!.secrets.vault.read(LOCAL_PROFILE))!.refreshToken!;
    // The secrets exist (a scan for nothing would pass anyway) ...
    expect({ codes: codes.length, keys: [keys.id.d.length > 100, keys.access.d.length > 100], refresh: current.length > 100 }).toEqual({ codes: 1, keys: [true, true], refresh: true });
    // ... and none of them is in a file.
    for (const secret of [signedIn.refreshToken, current, keys.id.d, keys.access.d, ...codes]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"d"\s*:|PRIVATE KEY/);
  });
});
