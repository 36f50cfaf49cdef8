import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPool } from '../../../../emulator/embedded.js';
import { createDesktopCore, type DesktopCore } from '../../../../main/core/desktop/desktop-core.js';
import { invokeSchemas } from '../../../../main/core/ipc/contract.js';
import { systemClock } from '../../../../main/core/ports.js';

/** The Tester tab's handlers against the embedded pool: URL preview and doctor; the profile untouched. */
describe('desktop core tester', () => {
  let core: DesktopCore;
  let home: string;
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'ci-tester-'));
    core = await createDesktopCore({ home, browser: { open: async () => undefined }, clock: systemClock, log: () => undefined, startLocalPool: async () => startEmbeddedPool() });
  });
  afterAll(async () => core?.dispose());

  it('previews the authorize URL for edited parameters without changing the saved profile', async () => {
    const before = await readFile(join(home, 'profiles.json'), 'utf8');
    const req = invokeSchemas['tester:authorize-url'].parse({ profile: 'local-demo', scopes: ['openid', 'phone'], identityProvider: 'Google', params: { lang: 'ja', prompt: 'login' } });
    const out = await core.handlers['tester:authorize-url'](req as never);
    expect(out.params).toMatchObject({ scope: 'openid phone', identity_provider: 'Google', lang: 'ja', prompt: 'login', code_challenge_method: 'S256', client_id: 'localdemoclient0000000000' });
    expect(await readFile(join(home, 'profiles.json'), 'utf8')).toBe(before);
  });

  it('refuses a parameter name the contract does not allow', () => {
    expect(invokeSchemas['tester:authorize-url'].safeParse({ profile: 'local-demo', params: { 'bad name': 'x' } }).success).toBe(false);
  });

  it('"Check app client" runs doctor: the demo pool fails nothing; not signed in, the session check skips', async () => {
    const report = await core.handlers['tester:doctor']({ profile: 'local-demo' } as never);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.checks.find((c) => c.id === 'session')?.status).toBe('skip');
    expect(report.checks.find((c) => c.id === 'redirect-uri')?.status).toBe('pass');
  });
});
