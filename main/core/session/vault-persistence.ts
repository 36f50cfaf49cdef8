import type { SessionVault, VaultEntry } from '../secrets/session-vault.js';
import type { SessionPersistence } from './ports.js';
import type { SessionTokens } from './types.js';

/**
 * Sessions in the profile's keychain entry. The entry also holds the client secret and cached AWS
 * credentials, so a save keeps those fields (one read, then a write only if something changed).
 */
export function vaultPersistence(vault: SessionVault, persisted: () => boolean): SessionPersistence {
  return {
    get persisted() {
      return persisted();
    },
    async load(profile) {
      const e = await vault.read(profile);
      return e ? toTokens(e) : null;
    },
    async save(profile, t) {
      // The client secret and cached AWS credentials stay (the credentials cache checks their owner).
      await vault.update(profile, (rest) => ({
        ...rest,
        accessToken: t.accessToken,
        expiresAt: t.expiresAt,
        issuedAt: t.issuedAt,
        signedInAt: t.signedInAt,
        idToken: t.idToken,
        refreshToken: t.refreshToken,
        tokenType: t.tokenType,
        scope: t.scope,
      }));
    },
    async clear(profile) {
      await vault.remove(profile);
    },
  };
}

export function toTokens(e: VaultEntry): SessionTokens | null {
  if (!e.accessToken || e.expiresAt === undefined) {
    // A refresh token alone (e.g. an entry written by an older version) still restores the session.
    return e.refreshToken ? { accessToken: '', expiresAt: 0, issuedAt: 0, signedInAt: e.signedInAt ?? 0, refreshToken: e.refreshToken, ...(e.idToken ? { idToken: e.idToken } : {}) } : null;
  }
  return {
    accessToken: e.accessToken,
    expiresAt: e.expiresAt,
    issuedAt: e.issuedAt ?? e.expiresAt - 3600_000,
    signedInAt: e.signedInAt ?? e.issuedAt ?? 0,
    ...(e.idToken ? { idToken: e.idToken } : {}),
    ...(e.refreshToken ? { refreshToken: e.refreshToken } : {}),
    ...(e.tokenType ? { tokenType: e.tokenType } : {}),
    ...(e.scope ? { scope: e.scope } : {}),
  };
}
