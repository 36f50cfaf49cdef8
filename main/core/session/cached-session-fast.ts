import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../ports.js';
import type { VaultEntry } from '../secrets/session-vault.js';
import type { SessionTokens } from './types.js';
import { toTokens } from './vault-persistence.js';

/**
 * The cached session for `token` and `status`, which scripts run in loops: profiles.json and the
 * keychain entry read directly, without the command framework, the schema library or the session
 * manager (their load time would dominate). Anything unusual returns undefined and the caller takes
 * the full path, which validates, refreshes and reports properly.
 */
export interface FastSessionInput {
  home: string;
  /** --profile; absent: the only saved profile. */
  profileName?: string;
  /** The keychain (chunked) store the session vault uses. */
  store: SecretStore;
}

export interface FastSession {
  profile: { name: string; refreshTokenLifetimeSeconds?: number };
  tokens: SessionTokens;
}

/** Same account naming as session-vault.ts's vaultAccount (not imported: that module loads zod). */
const vaultAccount = (profile: string) => `profile:${encodeURIComponent(profile)}`;

export async function cachedSessionFast(input: FastSessionInput): Promise<FastSession | undefined> {
  try {
    const profile = readProfile(input.home, input.profileName);
    if (!profile) return undefined;
    const raw = await input.store.get(vaultAccount(profile.name));
    if (raw === null) return undefined;
    const entry = JSON.parse(raw) as VaultEntry;
    if (typeof entry !== 'object' || entry === null || typeof entry.updatedAt !== 'number') return undefined;
    const tokens = toTokens(entry);
    return tokens ? { profile, tokens } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The session manager's rule for `token` (session-manager.ts `valid`): valid for at least
 * `minValidityMs`, capped at half the token's lifetime.
 */
export function validFor(t: SessionTokens, minValidityMs: number, nowMs: number): boolean {
  return t.expiresAt - Math.min(minValidityMs, Math.max(0, t.expiresAt - t.issuedAt) / 2) > nowMs;
}

interface RawProfile {
  name: string;
  adHoc?: boolean;
  refreshTokenLifetimeSeconds?: number;
}

function readProfile(home: string, name: string | undefined): FastSession['profile'] | undefined {
  const file = JSON.parse(readFileSync(join(home, 'profiles.json'), 'utf8')) as { profiles?: Record<string, unknown> };
  const all = Object.values(file.profiles ?? {}).filter((p): p is RawProfile => typeof (p as RawProfile | null)?.name === 'string');
  const saved = all.filter((p) => !p.adHoc);
  const found = name === undefined ? (saved.length === 1 ? saved[0] : undefined) : all.find((p) => p.name === name);
  if (!found) return undefined;
  const lifetime = found.refreshTokenLifetimeSeconds;
  return { name: found.name, ...(typeof lifetime === 'number' ? { refreshTokenLifetimeSeconds: lifetime } : {}) };
}
