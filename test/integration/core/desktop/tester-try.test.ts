import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPool } from '../../../../emulator/embedded.js';
import { createDesktopCore, type DesktopCore } from '../../../../main/core/desktop/desktop-core.js';
import { dispatchInvoke } from '../../../../main/core/ipc/dispatch.js';
import type { SignInWaiting } from '../../../../main/core/ipc/contract.js';
import { systemClock } from '../../../../main/core/ports.js';
import { takeSignInLock } from '../../../../main/core/session/sign-in-lock.js';

/**
 * The Try handlers against the embedded pool, without a person: what the fail-fast probe decides
 * (a refused scope), cancellation, and the offered scopes. Successful Tries run in Chromium
 * (test/e2e/renderer/tester-try.test.ts).
 */
describe('desktop core: tester Try', () => {
  let core: DesktopCore;
  let home: string;
  const opened: string[] = [];
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'ci-tester-try-'));
    core = await createDesktopCore({ home, browser: { open: async (url) => void opened.push(url) }, clock: systemClock, log: () => undefined, startLocalPool: async () => startEmbeddedPool() });
  });
  afterAll(async () => core?.dispose());

  it("offers the profile's scopes and discovery's scopes_supported", async () => {
    expect(await core.handlers['tester:scopes']({ profile: 'local-demo' } as never)).toEqual({
      profile: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
      supported: ['openid', 'email', 'phone', 'profile'],
    });
  });

  it("a refused scope ends the Try at once with our code and Cognito's raw error; the profile and session are untouched", async () => {
    const before = await readFile(join(home, 'profiles.json'), 'utf8');
    const started = Date.now();
    const r = await dispatchInvoke('tester:try', core.handlers['tester:try'] as never, { profile: 'local-demo', scopes: ['openid', 'no.such.scope'] });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.ok && r.value).toMatchObject({
      profile: 'local-demo',
      asked: ['openid', 'no.such.scope'],
      error: { code: 'INVALID_SCOPE' },
      cognito: { error: 'invalid_request', error_description: 'invalid_scope', source: 'authorize-redirect', status: 302 },
    });
    expect(r.ok && r.value.accessToken).toBeUndefined();
    expect(await readFile(join(home, 'profiles.json'), 'utf8')).toBe(before);
    expect((await core.handlers['session:get']({ profile: 'local-demo' } as never)).state).toBe('signed-out');
    expect(await core.secrets.vault.read('local-demo')).toBeNull();
    expect((await core.handlers['tester:try-last']({ profile: 'local-demo' } as never)).last?.error?.code).toBe('INVALID_SCOPE');
    // The Timeline marks the Try's exchanges as the Try's (the discovery it needed, the probe of the authorize URL).
    const tried = (await core.handlers['timeline:list']({ profile: 'local-demo' } as never)).filter((e) => e.context === 'Try');
    expect(tried.map((e) => `${e.method} ${new URL(e.url).pathname}`)).toContain('GET /oauth2/authorize');
    const har = JSON.parse((await core.handlers['timeline:har']({ profile: 'local-demo' } as never)).content) as { log: { entries: { comment?: string; request: { url: string } }[] } };
    expect(har.log.entries.filter((e) => e.request.url.includes('/oauth2/authorize')).map((e) => e.comment)).toContain('Try');
  });

  it('says where to sign in while waiting, and Cancel ends it as LOGIN_CANCELLED', async () => {
    const waiting = new Promise<SignInWaiting>((resolve) => core.subscribe('tester:waiting', resolve));
    const tried = core.handlers['tester:try']({ profile: 'local-demo', params: {} } as never);
    const w = await waiting;
    expect(w).toMatchObject({ profile: 'local-demo', startUrl: expect.stringMatching(/^http:\/\/localhost:5368[23]\//) });
    expect(opened.at(-1)).toBe(w.startUrl);
    expect(await core.handlers['tester:try-cancel']({ profile: 'local-demo' } as never)).toEqual({ cancelled: true });
    expect((await tried).error?.code).toBe('LOGIN_CANCELLED');
    expect(await core.handlers['tester:try-cancel']({ profile: 'local-demo' } as never)).toEqual({ cancelled: false });
  });

  it("takes the profile's sign-in lock: refused while a CLI login holds it; while a Try waits, the window's sign-in is refused", async () => {
    const unlock = await takeSignInLock(home, 'local-demo'); // what a `login` in a terminal holds
    const refused = await dispatchInvoke('tester:try', core.handlers['tester:try'] as never, { profile: 'local-demo' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LOGIN_IN_PROGRESS' } });
    await unlock();

    const waiting = new Promise<SignInWaiting>((resolve) => core.subscribe('tester:waiting', resolve));
    const tried = core.handlers['tester:try']({ profile: 'local-demo', params: {} } as never);
    await waiting;
    const signIn = await dispatchInvoke('auth:sign-in', core.handlers['auth:sign-in'] as never, { profile: 'local-demo' });
    expect(signIn).toMatchObject({ ok: false, error: { code: 'LOGIN_IN_PROGRESS' } });
    await core.handlers['tester:try-cancel']({ profile: 'local-demo' } as never);
    expect((await tried).error?.code).toBe('LOGIN_CANCELLED');
    await (await takeSignInLock(home, 'local-demo'))(); // released when the Try ended
  });

  it('a new Try replaces the one waiting (cancelled, its lock released first)', async () => {
    const waits: SignInWaiting[] = [];
    const off = core.subscribe('tester:waiting', (w) => waits.push(w));
    const first = core.handlers['tester:try']({ profile: 'local-demo', params: {} } as never);
    await expect.poll(() => waits.length).toBe(1);
    const second = core.handlers['tester:try']({ profile: 'local-demo', params: { lang: 'ja' } } as never);
    expect((await first).error?.code).toBe('LOGIN_CANCELLED');
    await expect.poll(() => waits.length).toBe(2);
    expect(await core.handlers['tester:try-cancel']({ profile: 'local-demo' } as never)).toEqual({ cancelled: true });
    expect((await second).error?.code).toBe('LOGIN_CANCELLED');
    off();
  });

  it('refuses a protocol parameter and a malformed request before anything starts', async () => {
    const bad = await dispatchInvoke('tester:try', core.handlers['tester:try'] as never, { profile: 'local-demo', params: { code_challenge: 'x' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const malformed = await dispatchInvoke('tester:try', core.handlers['tester:try'] as never, { profile: 'local-demo', scopes: ['two words'] });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'invalid tester:try request: scopes.0' } });
  });
});
