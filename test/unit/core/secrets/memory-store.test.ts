import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors/app-error.js';
import { createMemoryStore } from '../../../../main/core/secrets/memory-store.js';

describe('memory store', () => {
  it('keeps values until deleted', async () => {
    const store = createMemoryStore();
    await store.set('a', 'one');
    expect(await store.get('a')).toBe('one');
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(await store.get('a')).toBeNull();
    expect(store.accounts()).toEqual([]);
  });

  it('refuses values over maxValueLength, as the Windows Credential Manager does', async () => {
    const store = createMemoryStore({ maxValueLength: 1280 });
    await store.set('fits', 'x'.repeat(1280));
    const err = await store.set('too-long', 'x'.repeat(1281)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).toInfo()).toEqual({
      code: 'KEYCHAIN_ERROR',
      message: 'The keychain refused a value of 1281 characters (its limit is 1280).',
      hint: 'Store the value in chunks below the limit.',
      details: { length: 1281, limit: 1280 },
    });
    expect(store.accounts()).toEqual(['fits']);
  });
});
