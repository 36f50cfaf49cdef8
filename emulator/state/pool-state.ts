import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../main/core/errors/app-error.js';
import { writeFileAtomic } from '../../main/core/profiles/atomic-write.js';
import type { SecretStore } from '../../main/core/ports.js';
import type { IdentityRecord } from '../identity/identity-store.js';
import { exportPoolKeys, generatePoolKeys, importPoolKeys, type PoolKeys } from '../keys.js';
import type { DurableState } from './store.js';

/**
 * A pool that remembers (`emulator --state DIR`, the app's embedded pool): users added at run time,
 * refresh-token records (under their SHA-256 only), revocations and identity ids in
 * DIR/pool-state.json; the private signing keys in the OS keychain, an entry of their own, never in
 * the directory. Codes and hosted-UI sessions are not kept: they live minutes.
 *
 * A file that is damaged, of another pool, or of a newer format is refused with its path, and
 * nothing is written over it. Writes are atomic (a new file renamed over the old one).
 */
export const STATE_FILE = 'pool-state.json';
export const STATE_FORMAT = 1;

/** The keychain account of a kept pool's signing keys (service cognito-inspector). */
export const keysAccount = (poolId: string, stateId: string): string => `local-pool-keys:${poolId}:${stateId}`;

export interface KeyStore extends SecretStore {
  /** false when the keychain fell back to memory: the keys then die with the process. */
  readonly persistent?: boolean;
}

export interface PoolStateOptions {
  dir: string;
  /** The OS keychain (the shells pass theirs): holds the private signing keys. */
  keys: KeyStore;
  log?: (line: string) => void;
}

const linkedIdentity = z.object({ userId: z.string(), providerName: z.string(), providerType: z.string(), dateCreated: z.number() });
const userRecord = z.object({
  username: z.string().min(1),
  password: z.string().optional(),
  passwordHash: z.string().optional(),
  sub: z.string(),
  email: z.string().optional(),
  emailVerified: z.boolean(),
  groups: z.array(z.string()),
  attributes: z.record(z.string(), z.string()),
  identities: z.array(linkedIdentity).optional(),
  status: z.enum(['CONFIRMED', 'UNCONFIRMED', 'EXTERNAL_PROVIDER']),
});
const refreshRecord = z.object({
  hash: z.string().regex(/^[\w-]{43}$/, 'a SHA-256 in base64url'),
  username: z.string(),
  authTime: z.number(),
  clientId: z.string(),
  scopes: z.array(z.string()),
  originJti: z.string(),
  expiresAt: z.number(),
  retiredUntil: z.number().optional(),
});
const identityRecord = z.object({
  identityId: z.string(),
  poolId: z.string(),
  login: z.object({ providerName: z.string(), sub: z.string() }).optional(),
});
const stateSchema = z.object({
  format: z.literal(STATE_FORMAT),
  poolId: z.string(),
  /** Names this directory's keychain entry, so two state directories never share keys. */
  stateId: z.uuid(),
  /** The kids of the keys in the keychain: keys that do not match are not used. */
  kids: z.object({ id: z.string(), access: z.string() }),
  users: z.array(userRecord),
  refreshTokens: z.array(refreshRecord),
  revokedOrigins: z.array(z.string()),
  identities: z.array(identityRecord),
});
type StateFile = z.infer<typeof stateSchema>;

export interface OpenedPoolState {
  keys: PoolKeys;
  durable: DurableState;
  identities: IdentityRecord[];
  /** Writes the state now (atomic); called coalesced after changes, and on stop. */
  save(durable: DurableState, identities: IdentityRecord[]): Promise<void>;
}

function refused(file: string, why: string, cause?: unknown): AppError {
  return new AppError('INVALID_CONFIG', `${file}: ${why}; the pool state was not loaded and nothing was written`, 'Move the file (or the directory) away to start a fresh pool, or pass another --state directory.', {
    ...(cause !== undefined ? { cause } : {}),
    details: { file },
  });
}

async function readState(file: string, poolId: string): Promise<StateFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw refused(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'read failed'})`, err);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw refused(file, 'is damaged (not JSON)', err);
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > STATE_FORMAT) throw refused(file, `was written by a newer version (format ${format}; this one reads format ${STATE_FORMAT})`);
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refused(file, `is damaged (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'not a pool state'})`);
  }
  if (parsed.data.poolId !== poolId) throw refused(file, `holds user pool ${parsed.data.poolId}, not ${poolId}`);
  return parsed.data;
}

/** The kept keys when they are in the keychain and match the state's kids; else undefined. */
async function keptKeys(store: KeyStore, account: string, kids: StateFile['kids']): Promise<PoolKeys | undefined> {
  const raw = await store.get(account);
  if (raw === null) return undefined;
  const keys = await importPoolKeys(raw).catch(() => undefined);
  return keys && keys.id.kid === kids.id && keys.access.kid === kids.access ? keys : undefined;
}

export async function openPoolState(poolId: string, opts: PoolStateOptions): Promise<OpenedPoolState> {
  const file = join(opts.dir, STATE_FILE);
  const log = opts.log ?? (() => undefined);
  await mkdir(opts.dir, { recursive: true, mode: 0o700 });
  const kept = await readState(file, poolId);
  const stateId = kept?.stateId ?? randomUUID();
  const account = keysAccount(poolId, stateId);
  let keys = kept ? await keptKeys(opts.keys, account, kept.kids) : undefined;
  if (!keys) {
    if (kept) log(`the pool's signing keys are not in the keychain (${account}): new keys; tokens signed before no longer verify, refresh tokens still work`);
    keys = await generatePoolKeys();
    await opts.keys.set(account, await exportPoolKeys(keys));
  }
  if (opts.keys.persistent === false) log('no keychain: the signing keys live in memory only, so tokens signed now will not verify after a restart');
  const kids = { id: keys.id.kid, access: keys.access.kid };

  const save = async (durable: DurableState, identities: IdentityRecord[]): Promise<void> => {
    const state: StateFile = { format: STATE_FORMAT, poolId, stateId, kids, ...durable, identities };
    await writeFileAtomic(file, JSON.stringify(state, null, 2) + '\n');
  };
  const durable: DurableState = kept
    ? { users: kept.users.map(stripUndefined), refreshTokens: kept.refreshTokens.map(stripUndefined), revokedOrigins: kept.revokedOrigins }
    : { users: [], refreshTokens: [], revokedOrigins: [] };
  const identities = (kept?.identities ?? []).map(stripUndefined);
  // The new kids (and the state id naming the keychain entry) are on disk before any token is signed.
  await save(durable, identities);
  return { keys, durable, identities, save };
}

/** zod leaves optional fields absent already; this keeps exactOptionalPropertyTypes satisfied. */
function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

/** Coalesces saves: at most one write in flight, and one more queued for changes made meanwhile. */
export function saveQueue(write: () => Promise<void>, onError: (err: unknown) => void): { changed(): void; flush(): Promise<void> } {
  let chain: Promise<void> = Promise.resolve();
  let queued = false;
  return {
    changed() {
      if (queued) return;
      queued = true;
      chain = chain.then(async () => {
        await new Promise<void>((r) => setImmediate(r)); // gather the rest of this request's changes
        queued = false;
        await write().catch(onError);
      });
    },
    flush: () => chain,
  };
}
