import { createHash } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import type { SecretStore } from '../ports.js';

/**
 * One logical entry of any length over a store that refuses long values (the Windows Credential
 * Manager takes 2,560 bytes of UTF-16, about 1,280 characters; a Cognito refresh token alone is
 * ~1.8 KB).
 *
 * Layout under `<account>`:
 * - a value that fits: `<account>` = {"v":1,"data":"..."} (one item: the usual case on macOS and
 *   Linux when the limit is raised, which keeps keychain prompts few);
 * - otherwise chunks `<account>#<gen>.1` .. `<account>#<gen>.N` and a header
 *   `<account>` = {"v":1,"gen":g,"n":N,"len":L,"sha256":"..."}.
 *
 * A write puts the chunks under the generation the current header does NOT point to, then the
 * header, then removes the other generation: a crash before the header leaves the old value
 * readable; a crash after it leaves only leftovers, removed by the next write. Chunks are removed
 * highest first, so each generation is always a run 1..k and leftovers can be found by probing.
 * A reader checks the length and hash and reports a damaged entry (KEYCHAIN_ERROR, details.reason
 * 'corrupt') instead of returning garbage.
 */
export const DEFAULT_MAX_CHUNK_LENGTH = 1200;
const MIN_CHUNK_LENGTH = 128; // the chunked header must fit in one item

type Gen = 0 | 1;
type Header = { kind: 'inline'; data: string } | { kind: 'chunked'; gen: Gen; n: number; len: number; sha256: string };

export interface ChunkedStoreOptions {
  /** Longest value, in UTF-16 code units, written to one backend item. Default 1,200. */
  maxChunkLength?: number;
}

export function corruptEntryError(account: string, why: string): AppError {
  return new AppError(
    'KEYCHAIN_ERROR',
    `The keychain entry "${account}" is damaged (${why}).`,
    'Sign in again: the damaged entry is replaced on the next save.',
    { details: { reason: 'corrupt', account } },
  );
}

const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');
const chunkAccount = (account: string, gen: Gen, index: number): string => `${account}#${gen}.${index}`;

function parseHeader(account: string, raw: string): Header {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw corruptEntryError(account, 'header is not JSON');
  }
  const h = parsed as Record<string, unknown>;
  if (typeof h !== 'object' || h === null || h.v !== 1) throw corruptEntryError(account, 'unknown header');
  if (typeof h.data === 'string') return { kind: 'inline', data: h.data };
  const { gen, n, len, sha256: hash } = h;
  if ((gen === 0 || gen === 1) && Number.isInteger(n) && (n as number) > 0 && Number.isInteger(len) && typeof hash === 'string') {
    return { kind: 'chunked', gen, n: n as number, len: len as number, sha256: hash };
  }
  throw corruptEntryError(account, 'unknown header');
}

/** Splits into pieces of at most `max` code units, never between the halves of a surrogate pair. */
export function splitValue(value: string, max: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < value.length; ) {
    let end = Math.min(start + max, value.length);
    const last = value.charCodeAt(end - 1);
    if (end < value.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    pieces.push(value.slice(start, end));
    start = end;
  }
  return pieces;
}

export function createChunkedStore(backend: SecretStore, opts: ChunkedStoreOptions = {}): SecretStore {
  const max = opts.maxChunkLength ?? DEFAULT_MAX_CHUNK_LENGTH;
  if (!Number.isInteger(max) || max < MIN_CHUNK_LENGTH) {
    throw new AppError('INTERNAL', `maxChunkLength must be an integer of at least ${MIN_CHUNK_LENGTH}.`, 'Fix the chunked store configuration.');
  }

  /** Removes chunks `from`.. of one generation, highest first. Returns how many were removed. */
  async function purge(account: string, gen: Gen, from: number): Promise<number> {
    let last = from - 1;
    while ((await backend.get(chunkAccount(account, gen, last + 1))) !== null) last += 1;
    for (let i = last; i >= from; i--) await backend.delete(chunkAccount(account, gen, i));
    return last - from + 1;
  }

  async function currentGen(account: string): Promise<Gen | undefined> {
    const raw = await backend.get(account);
    if (raw === null) return undefined;
    try {
      const header = parseHeader(account, raw);
      return header.kind === 'chunked' ? header.gen : undefined;
    } catch {
      return undefined; // a damaged header is overwritten below
    }
  }

  return {
    async get(account) {
      const raw = await backend.get(account);
      if (raw === null) return null;
      const header = parseHeader(account, raw);
      if (header.kind === 'inline') return header.data;
      let value = '';
      for (let i = 1; i <= header.n; i++) {
        const piece = await backend.get(chunkAccount(account, header.gen, i));
        if (piece === null) throw corruptEntryError(account, `chunk ${i} of ${header.n} is missing`);
        value += piece;
      }
      if (value.length !== header.len || sha256(value) !== header.sha256) {
        throw corruptEntryError(account, 'chunks do not match the header');
      }
      return value;
    },

    async set(account, value) {
      const inline = JSON.stringify({ v: 1, data: value });
      if (inline.length <= max) {
        await backend.set(account, inline);
        await purge(account, 0, 1);
        await purge(account, 1, 1);
        return;
      }
      const gen: Gen = (await currentGen(account)) === 0 ? 1 : 0;
      const pieces = splitValue(value, max);
      for (const [i, piece] of pieces.entries()) await backend.set(chunkAccount(account, gen, i + 1), piece);
      const header = { v: 1, gen, n: pieces.length, len: value.length, sha256: sha256(value) };
      await backend.set(account, JSON.stringify(header));
      await purge(account, gen, pieces.length + 1);
      await purge(account, gen === 0 ? 1 : 0, 1);
    },

    async delete(account) {
      // Chunks first: a crash part-way leaves a header that reads as damaged, never orphaned secrets.
      const removed = (await purge(account, 0, 1)) + (await purge(account, 1, 1));
      const header = await backend.delete(account);
      return header || removed > 0;
    },
  };
}
