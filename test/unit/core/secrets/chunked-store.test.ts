import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors/app-error.js';
import type { SecretStore } from '../../../../main/core/ports.js';
import { createChunkedStore, splitValue } from '../../../../main/core/secrets/chunked-store.js';
import { createMemoryStore, type MemoryStore } from '../../../../main/core/secrets/memory-store.js';

/** The Windows Credential Manager's limit: 2,560 bytes of UTF-16. */
const WINDOWS_LIMIT = 1280;

function windowsLike(): MemoryStore {
  return createMemoryStore({ maxValueLength: WINDOWS_LIMIT });
}

/** A backend that fails every write after the first `allowedSets`, as a crash would stop them. */
function crashingAfter(backend: SecretStore, allowedSets: number): SecretStore {
  let sets = 0;
  return {
    get: (a) => backend.get(a),
    delete: (a) => backend.delete(a),
    set: async (a, v) => {
      if (sets++ >= allowedSets) throw new Error('simulated crash');
      await backend.set(a, v);
    },
  };
}

const emoji = '\u{1F511}'; // a surrogate pair
const value = (length: number, seed = 'r'): string => Array.from({ length }, (_, i) => String.fromCharCode(97 + ((i * 7 + seed.charCodeAt(0)) % 26))).join('');

describe('chunked store over a store limited to 1,280 characters', () => {
  it.each([
    ['empty', ''],
    ['short', 'refresh-token'],
    ['just under one item', value(1180)],
    ['one item exactly', value(1200)],
    ['just over one item', value(1201)],
    ['8 KB session', value(8192)],
    ['20 KB', value(20_000)],
    ['surrogate pairs across chunk edges', emoji.repeat(5000)],
  ])('round-trips %s', async (_name, secret) => {
    const backend = windowsLike();
    const store = createChunkedStore(backend);
    await store.set('profile:a', secret);
    expect(await store.get('profile:a')).toBe(secret);
    for (const account of backend.accounts()) expect((await backend.get(account))!.length).toBeLessThanOrEqual(WINDOWS_LIMIT);
  });

  it('uses one item when the value fits, and chunks plus a header when it does not', async () => {
    const backend = windowsLike();
    const store = createChunkedStore(backend);
    await store.set('profile:a', 'small');
    expect(backend.accounts()).toEqual(['profile:a']);
    await store.set('profile:a', value(3000));
    expect(backend.accounts()).toEqual(['profile:a', 'profile:a#0.1', 'profile:a#0.2', 'profile:a#0.3']);
    await store.set('profile:a', value(2000, 's'));
    expect(backend.accounts()).toEqual(['profile:a', 'profile:a#1.1', 'profile:a#1.2']);
    await store.set('profile:a', 'small again');
    expect(backend.accounts()).toEqual(['profile:a']);
    expect(await store.get('profile:a')).toBe('small again');
  });

  it('delete removes the header and every chunk, and leaves other accounts alone', async () => {
    const backend = windowsLike();
    const store = createChunkedStore(backend);
    await store.set('profile:a', value(8192));
    await store.set('profile:b', value(3000));
    expect(await store.delete('profile:a')).toBe(true);
    expect(backend.accounts()).toEqual(['profile:b', 'profile:b#0.1', 'profile:b#0.2', 'profile:b#0.3']);
    expect(await store.get('profile:a')).toBeNull();
    expect(await store.delete('profile:a')).toBe(false);
  });

  it('keeps the old value readable when a write stops part-way, and cleans up on the next write', async () => {
    const backend = windowsLike();
    const old = value(8192, 'o');
    await createChunkedStore(backend).set('profile:a', old);
    for (let allowed = 0; allowed <= 7; allowed++) {
      const crashing = createChunkedStore(crashingAfter(backend, allowed));
      await expect(crashing.set('profile:a', value(8192, 'n'))).rejects.toThrow('simulated crash');
      expect(await createChunkedStore(backend).get('profile:a')).toBe(old);
    }
    const next = value(2500, 'x');
    await createChunkedStore(backend).set('profile:a', next);
    expect(await createChunkedStore(backend).get('profile:a')).toBe(next);
    expect(backend.accounts()).toEqual(['profile:a', 'profile:a#1.1', 'profile:a#1.2', 'profile:a#1.3']);
  });

  it('removes leftovers of a write that stopped after the header', async () => {
    const backend = windowsLike();
    const store = createChunkedStore(backend);
    await store.set('profile:a', value(8192));
    // The state a crash right after the header leaves: new generation live, old one still present.
    const failingDeletes: SecretStore = { ...backend, delete: async () => Promise.reject(new Error('simulated crash')) };
    await expect(createChunkedStore(failingDeletes).set('profile:a', value(2500, 'n'))).rejects.toThrow('simulated crash');
    expect(await store.get('profile:a')).toBe(value(2500, 'n'));
    expect(backend.accounts()).toHaveLength(1 + 3 + 7);
    await store.set('profile:a', value(1300, 'z'));
    expect(backend.accounts()).toEqual(['profile:a', 'profile:a#0.1', 'profile:a#0.2']);
  });

  it.each([
    ['a changed chunk', async (b: MemoryStore) => b.set('profile:a#0.2', 'x'.repeat(1200)), 'chunks do not match the header'],
    ['a missing chunk', async (b: MemoryStore) => void (await b.delete('profile:a#0.3')), 'chunk 3 of 7 is missing'],
    ['a truncated chunk', async (b: MemoryStore) => b.set('profile:a#0.7', 'abc'), 'chunks do not match the header'],
    ['a header that is not JSON', async (b: MemoryStore) => b.set('profile:a', '{"v":1,'), 'header is not JSON'],
    ['a header of another format', async (b: MemoryStore) => b.set('profile:a', '{"v":2}'), 'unknown header'],
  ])('reports %s as a damaged entry instead of returning it', async (_name, damage, why) => {
    const backend = windowsLike();
    const store = createChunkedStore(backend);
    await store.set('profile:a', value(8192));
    await damage(backend);
    const err = await store.get('profile:a').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).toInfo()).toEqual({
      code: 'KEYCHAIN_ERROR',
      message: `The keychain entry "profile:a" is damaged (${why}).`,
      hint: 'Sign in again: the damaged entry is replaced on the next save.',
      details: { reason: 'corrupt', account: 'profile:a' },
    });
  });

  it('refuses a chunk length too small for its header', () => {
    expect(() => createChunkedStore(createMemoryStore(), { maxChunkLength: 100 })).toThrow('maxChunkLength must be an integer of at least 128.');
  });
});

describe('splitValue', () => {
  it('joins back to the value, within the limit, never splitting a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), fc.integer({ min: 2, max: 500 }), (s, max) => {
        const pieces = splitValue(s, max);
        expect(pieces.join('')).toBe(s);
        for (const piece of pieces) {
          expect(piece.length).toBeGreaterThan(0);
          expect(piece.length).toBeLessThanOrEqual(max);
        }
        for (const piece of pieces.slice(0, -1)) {
          const last = piece.charCodeAt(piece.length - 1);
          expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
        }
      }),
    );
  });
});
