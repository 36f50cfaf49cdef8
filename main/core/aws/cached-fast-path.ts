import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../ports.js';
import type { AwsCredentialsEntry } from '../secrets/session-vault.js';
import { identityIdKey, identityUser, usableCached } from './credentials-cache.js';
import { identityTarget, type IdentityProfile, type TargetOverrides } from './target.js';

/**
 * The cached answer for `credentials --format process`, which AWS tools run before every call: it
 * reads profiles.json, identity-ids.json and the keychain entry directly, without the schema
 * library, the session manager or the AWS SDK (their load time would dominate). Anything unusual
 * returns undefined and the caller takes the full path, which validates and reports properly.
 */
export interface FastPathInput {
  home: string;
  /** --profile; absent: the only saved profile. */
  profileName?: string;
  overrides: TargetOverrides;
  /** The keychain (chunked) store the session vault uses. */
  store: SecretStore;
  nowMs: number;
}

/** Same account naming as session-vault.ts's vaultAccount (not imported: that module loads zod). */
const vaultAccount = (profile: string) => `profile:${encodeURIComponent(profile)}`;

export async function cachedCredentialsFast(input: FastPathInput): Promise<AwsCredentialsEntry | undefined> {
  try {
    const profile = readProfile(input.home, input.profileName);
    if (!profile?.identityPool) return undefined;
    const target = identityTarget(profile, input.overrides);
    const raw = await input.store.get(vaultAccount(profile.name));
    const entry = raw === null ? undefined : (JSON.parse(raw) as { idToken?: unknown; awsCredentials?: unknown });
    if (!entry || !isCredentials(entry.awsCredentials)) return undefined;
    const idToken = typeof entry.idToken === 'string' ? entry.idToken : undefined;
    const cachedId = readIdentityIds(input.home)[identityIdKey(profile.name, target.poolId, identityUser(target, idToken))];
    const identityId = typeof cachedId === 'string' ? cachedId : undefined;
    return usableCached(target, { ...(idToken ? { idToken } : {}), awsCredentials: entry.awsCredentials }, identityId, input.nowMs);
  } catch {
    return undefined;
  }
}

// Synchronous reads: two small files, and a promise round trip per file costs more than the read.
function readIdentityIds(home: string): Record<string, unknown> {
  const file = JSON.parse(readFileSync(join(home, 'identity-ids.json'), 'utf8')) as { ids?: Record<string, unknown> };
  return file.ids ?? {};
}

function readProfile(home: string, name: string | undefined): IdentityProfile | undefined {
  const file = JSON.parse(readFileSync(join(home, 'profiles.json'), 'utf8')) as { profiles?: Record<string, unknown> };
  const all = Object.values(file.profiles ?? {}).filter(isProfile);
  const found = name === undefined ? soleProfile(all) : all.find((p) => p.name === name);
  return found;
}

function soleProfile(all: (IdentityProfile & { adHoc?: boolean })[]): IdentityProfile | undefined {
  const saved = all.filter((p) => !p.adHoc);
  return saved.length === 1 ? saved[0] : undefined;
}

function isProfile(p: unknown): p is IdentityProfile & { adHoc?: boolean } {
  const v = p as Partial<IdentityProfile> | null;
  return typeof v?.name === 'string' && typeof v.issuer === 'string' && (v.identityPool === undefined || typeof v.identityPool.id === 'string');
}

function isCredentials(c: unknown): c is AwsCredentialsEntry {
  const v = c as Partial<AwsCredentialsEntry> | null;
  return typeof v?.accessKeyId === 'string' && typeof v.secretAccessKey === 'string' && (v.expiration === undefined || typeof v.expiration === 'number');
}
