import { ensureBuilt } from '../../support/ensure-built.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSystemSecretStore } from '../../../main/core/secrets/system-store.js';
import { createSessionVault } from '../../../main/core/secrets/session-vault.js';
import { vaultPersistence } from '../../../main/core/session/vault-persistence.js';
import { runCli, tempHome } from '../../support/test-api/cli.js';

/** A session whose refresh token's known lifetime has passed: `status` says "expired" (exit 1), with no request. */
beforeAll(() => ensureBuilt());

describe('status past the refresh lifetime', () => {
  it('says expired and how to sign in again; exit 1; --json has expired: true', async () => {
    const home = await tempHome();
    const env = { COGNITO_INSPECTOR_HOME: home };
    const name = `expired-${process.pid}`;
    // An issuer nobody listens on: any request would fail, so the answer cannot come from the network.
    expect((await runCli(['profiles', 'add', name, '--issuer', 'http://127.0.0.1:9/us-east-1_Gone', '--client-id', 'c', '--refresh-token-lifetime', '3600'], env)).code).toBe(0);
    const now = Date.now();
    const vault = createSessionVault(createSystemSecretStore());
    await vaultPersistence(vault, () => true).save(name, { accessToken: 'a.b.c', refreshToken: 'r', expiresAt: now - 60_000, issuedAt: now - 7200_000, signedInAt: now - 7200_000 });
    try {
      const r = await runCli(['status', '--profile', name], env);
      const about = new Date(now - 7200_000 + 3600_000).toISOString().slice(0, 16);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(new RegExp(`^session of profile "${name}" expired: its refresh token's lifetime ended about ${about}.*; run cognito-inspector login --profile ${name}\\n$`));
      const json = await runCli(['status', '--profile', name, '--json'], env);
      expect([json.code, JSON.parse(json.stdout)]).toEqual([1, expect.objectContaining({ signedIn: false, expired: true })]);
    } finally {
      await vault.remove(name);
    }
  });
});
