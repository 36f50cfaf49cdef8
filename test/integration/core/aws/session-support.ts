import type { Emulator } from '../../../../emulator/index.js';
import { memoryIdentityIdCache, type IdentityIdCache } from '../../../../main/core/aws/identity-id-cache.js';
import type { CredentialDeps } from '../../../../main/core/aws/get-credentials.js';
import { systemClock, type Clock } from '../../../../main/core/ports.js';
import { profileSchema, type Profile, type ProfileInput } from '../../../../main/core/profiles/schema.js';
import { createMemoryStore } from '../../../../main/core/secrets/memory-store.js';
import { createSessionVault, type SessionVault } from '../../../../main/core/secrets/session-vault.js';
import { memoryProfileLock } from '../../../../main/core/session/file-lock.js';
import { clientConfigFor, profileAuthOps } from '../../../../main/core/session/profile-auth.js';
import { createSessionManager, type SessionManager } from '../../../../main/core/session/session-manager.js';
import { vaultPersistence } from '../../../../main/core/session/vault-persistence.js';
import { CLIENT_ID, tokensFor } from '../../emulator/support.js';

export const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
export const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

export interface TestSession {
  profile: Profile;
  vault: SessionVault;
  manager: SessionManager;
  identityIds: IdentityIdCache;
  deps: CredentialDeps;
}

/**
 * A profile signed in as alice against the emulator (hosted UI over plain HTTP, code + PKCE), its
 * session in a memory vault, refreshed by the real sign-in engine through the session manager.
 * `clock` is shared with the emulator when a test moves time.
 */
export async function signedIn(e: Emulator, pool: Partial<NonNullable<ProfileInput['identityPool']>> = {}, name = 'aws-test', clock: Clock = systemClock): Promise<TestSession> {
  const profile = profileSchema.parse({ name, issuer: e.issuer, clientId: CLIENT_ID, identityPool: { id: POOL, endpoint: e.url, ...pool } });
  const vault = createSessionVault(createMemoryStore());
  const persistence = vaultPersistence(vault, () => true);
  const t = await tokensFor(e);
  const now = clock.now();
  const expiresIn = Number((t as { expires_in?: number }).expires_in ?? 3600);
  await persistence.save(name, { idToken: t.id_token, accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: now + expiresIn * 1000, issuedAt: now, signedInAt: now });
  const manager = createSessionManager({
    persistence,
    auth: profileAuthOps(async () => clientConfigFor(profile), { clock, browser: { open: async () => undefined } }),
    clock,
    lock: memoryProfileLock(),
  });
  const identityIds = memoryIdentityIdCache();
  return { profile, vault, manager, identityIds, deps: { vault, tokens: (p, ms) => manager.tokens(p, ms), identityIds, clock } };
}
