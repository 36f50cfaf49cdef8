import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIdentityIdCache } from '../../../../main/core/aws/identity-id-cache.js';
import { createCredentialsKeeper } from '../../../../main/core/desktop/credentials-keeper.js';
import type { CredentialsView } from '../../../../main/core/ipc/contract.js';
import { profileSchema } from '../../../../main/core/profiles/schema.js';
import { startSessionHarness, type SessionHarness } from '../../../support/session-fixtures.js';

const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
const getCredentialCalls = (h: SessionHarness) => h.e.requestLog.filter((r) => r.method === 'POST' && r.path === '/').length;

/**
 * The app keeps AWS credentials fresh on its own: the keeper plans a renewal 5 minutes before
 * Expiration, and after a sleep (the clock jumped, timers did not fire) wake() renews what is due.
 * Real emulator identity pool; the emulator, the session and the keeper share one clock.
 */
describe('credentials keeper', () => {
  let h: SessionHarness;
  const views: CredentialsView[] = [];
  let keeper: ReturnType<typeof createCredentialsKeeper>;

  beforeAll(async () => {
    h = await startSessionHarness({ keychain: false });
    const profile = profileSchema.parse({ ...h.profile, identityPool: { id: POOL, endpoint: h.e.url } });
    const identityIds = memoryIdentityIdCache();
    keeper = createCredentialsKeeper({
      clock: h.clock,
      profile: async () => profile,
      credentialDeps: async () => ({ vault: h.vault, tokens: (p, ms) => h.manager.tokens(p, ms), identityIds, clock: h.clock }),
      onChange: (v) => views.push(v),
    });
  });

  afterAll(async () => {
    keeper?.dispose();
    await h?.stop();
  });

  it('plans a renewal 5 minutes before expiry and renews after a sleep, with a new ID token if needed', async () => {
    const first = await keeper.get(h.profile.name);
    expect(first.renewsAt).toBe(first.expiration! - 5 * 60_000);
    const before = getCredentialCalls(h);

    await keeper.wake(); // nothing due yet
    expect(getCredentialCalls(h)).toBe(before);

    h.clock.jump(56 * 60_000); // the laptop slept past the planned renewal
    await keeper.wake();
    const renewed = views.at(-1)!;
    expect(renewed.accessKeyId).not.toBe(first.accessKeyId);
    expect(renewed.cached).toBe(false);
    expect(renewed.expiration).toBeGreaterThan(first.expiration!);
    expect(getCredentialCalls(h)).toBeGreaterThan(before);
  });

  it('stops renewing once stopped (signed out)', async () => {
    keeper.stop(h.profile.name);
    const n = views.length;
    h.clock.jump(2 * 3600_000);
    await keeper.wake();
    expect(views.length).toBe(n);
  });
});
