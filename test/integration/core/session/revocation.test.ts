import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../../main/core/errors/app-error.js';
import { vaultAccount } from '../../../../main/core/secrets/session-vault.js';
import { DEMO_CLIENT_ID, KEYRING, NO_KEYRING, TEST_SERVICE, startSessionHarness, type SessionHarness } from '../../../support/session-fixtures.js';

const run = promisify(execFile);
let h: SessionHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Accounts of TEST_SERVICE in the Secret Service that belong to `profile`, asked with libsecret's own tool. */
async function keyringAccounts(profile: string): Promise<string[]> {
  const { stdout, stderr } = await run('secret-tool', ['search', '--all', 'service', TEST_SERVICE]);
  return `${stdout}\n${stderr}`.split('\n').filter((l) => l.startsWith('attribute.username = ')).map((l) => l.slice(21)).filter((a) => a.startsWith(vaultAccount(profile)));
}

/** Revokes the session's refresh token at the pool, out of band, and refreshes: the manager's answer. */
async function revokeThenRefresh(h: SessionHarness): Promise<AppError | undefined> {
  const { manager, profile, vault, e } = h;
  const rt = (await vault.read(profile.name))?.refreshToken ?? '';
  expect(rt).not.toBe('');
  const revoke = await fetch(`${e.url}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: rt, client_id: DEMO_CLIENT_ID }),
    });
  expect(revoke.status).toBe(200);
  return manager.refresh(profile.name).then(() => undefined, (err: unknown) => err as AppError);
}

describe('revocation mid-session', () => {
  it('a refresh token revoked out of band: next refresh signs out, forgets the stored session, says SESSION_EXPIRED with a hint', async () => {
    h = await startSessionHarness({ client: { enableTokenRevocation: true } });
    const { manager, profile, vault, e } = h;
    const error = await revokeThenRefresh(h);
    expect(error?.code).toBe('SESSION_EXPIRED');
    const snap = manager.snapshot(profile.name);
    expect({ state: snap.state, hasRefreshToken: snap.hasRefreshToken, accessToken: snap.accessToken, error: snap.error && { code: snap.error.code, message: snap.error.message, hint: snap.error.hint } }).toEqual({
      state: 'signed-out',
      hasRefreshToken: false,
      accessToken: undefined,
      error: {
        code: 'SESSION_EXPIRED',
        message: 'the refresh token was rejected (revoked or expired); you are signed out',
        hint: `sign in again: cognito-inspector login --profile ${profile.name}`,
      },
    });
    expect(await vault.read(profile.name)).toBeNull();
    // Nothing is left to restore: a new process starts signed out, without a request.
    const count = e.requestLog.length;
    expect((await h.newManager().restore(profile.name)).state).toBe('signed-out');
    expect(e.requestLog.length).toBe(count);
  });

  it.skipIf(!KEYRING)(`... and the keychain entry with its chunks is gone from the real Secret Service${NO_KEYRING}`, async () => {
    h = await startSessionHarness({ client: { enableTokenRevocation: true } });
    expect(h.onKeychain).toBe(true);
    expect(await keyringAccounts(h.profile.name)).toContain(vaultAccount(h.profile.name));
    expect((await revokeThenRefresh(h))?.code).toBe('SESSION_EXPIRED');
    expect(await keyringAccounts(h.profile.name)).toEqual([]);
  });
});
