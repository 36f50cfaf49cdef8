import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors/app-error.js';
import type { SecretStore } from '../../../../main/core/ports.js';
import { createMemoryStore } from '../../../../main/core/secrets/memory-store.js';
import { createFallbackStore, platformMaxChunkLength } from '../../../../main/core/secrets/system-store.js';

const failing = (error: Error): SecretStore => ({
  get: () => Promise.reject(error),
  set: () => Promise.reject(error),
  delete: () => Promise.reject(error),
});

describe('fallback store', () => {
  it('uses the keychain while it works', async () => {
    const keychain = createMemoryStore();
    const store = createFallbackStore(keychain);
    await store.set('a', 'v');
    expect(await keychain.get('a')).toBe('v');
    expect({ persistent: store.persistent, problem: store.problem }).toEqual({ persistent: true, problem: undefined });
  });

  it.each(['KEYCHAIN_UNAVAILABLE', 'KEYCHAIN_LOCKED'] as const)('keeps secrets in memory after %s and says so once', async (code) => {
    const error = new AppError(code, 'No keychain.', 'Start one.');
    const told: string[] = [];
    const store = createFallbackStore(failing(error), { onFallback: (e) => told.push(e.code) });
    await store.set('a', 'v');
    expect(await store.get('a')).toBe('v');
    expect(await store.delete('a')).toBe(true);
    expect(told).toEqual([code]);
    expect({ persistent: store.persistent, problem: store.problem }).toEqual({ persistent: false, problem: { code, message: 'No keychain.', hint: 'Start one.' } });
  });

  it('passes other failures through without falling back', async () => {
    const damaged = new AppError('KEYCHAIN_ERROR', 'Damaged.', 'Sign in again.', { details: { reason: 'corrupt' } });
    const store = createFallbackStore(failing(damaged));
    await expect(store.get('a')).rejects.toBe(damaged);
    expect(store.persistent).toBe(true);
  });

  it('chunks only on Windows', () => {
    expect([platformMaxChunkLength('win32'), platformMaxChunkLength('linux'), platformMaxChunkLength('darwin')]).toEqual([1200, 1_000_000, 1_000_000]);
  });
});
