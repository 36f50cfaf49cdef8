import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmbeddedPool } from '../../../../emulator/embedded.js';
import { createDesktopCore, type DesktopCore } from '../../../../main/core/desktop/desktop-core.js';
import { invokeSchemas } from '../../../../main/core/ipc/contract.js';
import { systemClock } from '../../../../main/core/ports.js';

/**
 * "Check app client" with "Also read the settings": `tester:doctor` with admin: true reads the
 * embedded pool's settings through the real SDK clients, credentials from the standard chain
 * (here environment variables; the pool accepts any key but checks the signature).
 */
describe('desktop core tester: doctor with admin reads', () => {
  let core: DesktopCore;
  beforeAll(async () => {
    const home = await mkdtemp(join(tmpdir(), 'ci-tester-admin-'));
    core = await createDesktopCore({ home, browser: { open: async () => undefined }, clock: systemClock, log: () => undefined, startLocalPool: async () => startEmbeddedPool() });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await core?.dispose();
  });

  it('the contract takes admin as a boolean only', () => {
    expect(invokeSchemas['tester:doctor'].safeParse({ profile: 'local-demo', admin: true }).success).toBe(true);
    expect(invokeSchemas['tester:doctor'].safeParse({ profile: 'local-demo', admin: 'yes' }).success).toBe(false);
  });

  it('with credentials: the admin checks run against the demo pool and none fails', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIATESTERADMIN00000');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'tester-admin-secret');
    vi.stubEnv('AWS_SESSION_TOKEN', '');
    vi.stubEnv('AWS_PROFILE', '');
    const report = await core.handlers['tester:doctor']({ profile: 'local-demo', admin: true } as never);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.checks.find((c) => c.id === 'admin-access')).toMatchObject({ status: 'pass', message: expect.stringMatching(/^read DescribeUserPoolClient, DescribeUserPool/) });
    expect(report.checks.filter((c) => c.id === 'callback-urls').map((c) => c.status)).not.toContain('skip');
    expect(report.checks.find((c) => c.id === 'token-revocation')?.status).toBe('pass');
  });

  it('without admin: no admin check', async () => {
    const report = await core.handlers['tester:doctor']({ profile: 'local-demo' } as never);
    expect(report.checks.map((c) => c.id)).not.toContain('admin-access');
  });
});
