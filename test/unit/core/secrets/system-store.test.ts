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

  /** A keychain that can be locked and unlocked, as a screen lock does. */
  const lockable = () => {
    const values = createMemoryStore();
    const state = { locked: false };
    const error = new AppError('KEYCHAIN_LOCKED', 'Locked.', 'Unlock it.');
    const guard = <T>(op: () => Promise<T>) => (state.locked ? Promise.reject(error) : op());
    const store: SecretStore = { get: (a) => guard(() => values.get(a)), set: (a, v) => guard(() => values.set(a, v)), delete: (a) => guard(() => values.delete(a)) };
    return { store, values, state };
  };

  it('with retry: after a fall-back, the first write once the keychain works moves memory into it, said once', async () => {
    const k = lockable();
    const told: string[] = [];
    const store = createFallbackStore(k.store, { retry: true, onFallback: (e) => told.push(e.code), onRecovered: () => told.push('recovered') });
    k.state.locked = true;
    await store.set('a', 'in-memory');
    await store.set('b', 'still-memory');
    expect({ persistent: store.persistent, keychain: k.values.accounts() }).toEqual({ persistent: false, keychain: [] });
    k.state.locked = false;
    await store.set('c', 'after');
    expect({ persistent: store.persistent, told, a: await k.values.get('a'), b: await k.values.get('b'), c: await k.values.get('c') }).toEqual({
      persistent: true, told: ['KEYCHAIN_LOCKED', 'recovered'], a: 'in-memory', b: 'still-memory', c: 'after',
    });
  });

  it('without retry (the CLI): memory for the rest of the process, until retryKeychain()', async () => {
    const k = lockable();
    const store = createFallbackStore(k.store);
    k.state.locked = true;
    await store.set('a', 'v');
    k.state.locked = false;
    await store.set('b', 'w');
    expect({ persistent: store.persistent, keychain: k.values.accounts() }).toEqual({ persistent: false, keychain: [] });
    expect(await store.retryKeychain()).toBe(true);
    expect({ persistent: store.persistent, keychain: k.values.accounts() }).toEqual({ persistent: true, keychain: ['a', 'b'] });
  });

  it('retryKeychain() writes: a locked keychain that still answers reads is found out', async () => {
    const k = lockable();
    const store = createFallbackStore({ ...k.store, get: (a) => k.values.get(a) });
    k.state.locked = true;
    expect(await store.get('x')).toBeNull();
    expect(store.persistent).toBe(true);
    expect(await store.retryKeychain()).toBe(false);
    expect(store.problem?.code).toBe('KEYCHAIN_LOCKED');
  });

  it('chunks only on Windows', () => {
    expect([platformMaxChunkLength('win32'), platformMaxChunkLength('linux'), platformMaxChunkLength('darwin')]).toEqual([1200, 1_000_000, 1_000_000]);
  });
});
