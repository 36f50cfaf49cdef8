import { z } from 'zod';
import { AppError, isAppError } from '../errors/app-error.js';
import { systemClock, type Clock, type SecretStore } from '../ports.js';

/**
 * One logical keychain entry per profile with everything a new process needs to answer without a
 * network round trip while it is valid. Production wiring:
 *   createSessionVault(createChunkedStore(createKeyringStore()))
 * and, when the keychain is unavailable, createSessionVault(createMemoryStore()).
 */
const awsCredentialsSchema = z.object({
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  sessionToken: z.string().optional(),
  /** ms epoch */
  expiration: z.number().optional(),
  identityId: z.string().optional(),
  roleArn: z.string().optional(),
});

const vaultEntrySchema = z.object({
  refreshToken: z.string().optional(),
  clientSecret: z.string().optional(),
  idToken: z.string().optional(),
  accessToken: z.string().optional(),
  tokenType: z.string().optional(),
  scope: z.string().optional(),
  /** ms epoch: access token expiry */
  expiresAt: z.number().optional(),
  /** ms epoch: when the current tokens were obtained */
  issuedAt: z.number().optional(),
  /** ms epoch of the first sign-in (with rotation, the refresh token's absolute expiry counts from here) */
  signedInAt: z.number().optional(),
  awsCredentials: awsCredentialsSchema.optional(),
  /** ms epoch of the last write; set by the vault */
  updatedAt: z.number(),
});

export type AwsCredentialsEntry = z.infer<typeof awsCredentialsSchema>;
export type VaultEntry = z.infer<typeof vaultEntrySchema>;
/** What callers write: `updatedAt` is stamped by the vault. */
export type VaultEntryInput = Omit<VaultEntry, 'updatedAt'> & { updatedAt?: number };

export interface SessionVault {
  read(profileId: string): Promise<VaultEntry | null>;
  /** Writes only when a field other than updatedAt changed. */
  write(profileId: string, entry: VaultEntryInput): Promise<{ written: boolean }>;
  /** Read-modify-write with one read: `change` gets the stored entry (without updatedAt) or {}. */
  update(profileId: string, change: (current: VaultEntryInput) => VaultEntryInput): Promise<{ written: boolean }>;
  remove(profileId: string): Promise<void>;
}

export interface SessionVaultOptions {
  clock?: Clock;
  /** Told when a stored entry is damaged and read as absent (never given the secret itself). */
  onCorrupt?: (profileId: string, error: AppError) => void;
}

export const vaultAccount = (profileId: string): string => `profile:${encodeURIComponent(profileId)}`;

const KEY_ORDER = [
  'refreshToken',
  'clientSecret',
  'idToken',
  'accessToken',
  'tokenType',
  'scope',
  'expiresAt',
  'issuedAt',
  'signedInAt',
  'awsCredentials',
] as const;

/** Stable serialization of the secret fields, so equal content compares equal whatever the key order. */
function canonical(entry: VaultEntryInput): string {
  const out: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    const value = entry[key];
    if (value === undefined) continue;
    out[key] =
      key === 'awsCredentials' && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)))
        : value;
  }
  return JSON.stringify(out);
}

export function createSessionVault(store: SecretStore, opts: SessionVaultOptions = {}): SessionVault {
  const clock = opts.clock ?? systemClock;

  async function read(profileId: string): Promise<VaultEntry | null> {
    const account = vaultAccount(profileId);
    let raw: string | null;
    try {
      raw = await store.get(account);
    } catch (err) {
      if (isAppError(err) && err.details?.reason === 'corrupt') {
        opts.onCorrupt?.(profileId, err);
        return null;
      }
      throw err;
    }
    if (raw === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      json = undefined;
    }
    const parsed = vaultEntrySchema.safeParse(json);
    if (!parsed.success) {
      // Only the shape is reported: the issue list could quote a secret value.
      opts.onCorrupt?.(
        profileId,
        new AppError('KEYCHAIN_ERROR', `The saved session of profile "${profileId}" is damaged (not a session entry).`, 'Sign in again: the damaged entry is replaced on the next save.', {
          details: { reason: 'corrupt', account },
        }),
      );
      return null;
    }
    return parsed.data;
  }

  async function writeOver(profileId: string, current: VaultEntry | null, entry: VaultEntryInput): Promise<{ written: boolean }> {
    if (current !== null && canonical(current) === canonical(entry)) return { written: false };
    const stored: VaultEntry = { ...(JSON.parse(canonical(entry)) as Omit<VaultEntry, 'updatedAt'>), updatedAt: clock.now() };
    await store.set(vaultAccount(profileId), JSON.stringify(stored));
    return { written: true };
  }

  return {
    read,
    async write(profileId, entry) {
      return writeOver(profileId, await read(profileId), entry);
    },
    async update(profileId, change) {
      const current = await read(profileId);
      const { updatedAt: _u, ...rest } = current ?? { updatedAt: 0 };
      return writeOver(profileId, current, change(rest));
    },
    async remove(profileId) {
      await store.delete(vaultAccount(profileId));
    },
  };
}
