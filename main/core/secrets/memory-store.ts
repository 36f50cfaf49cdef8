import { AppError } from '../errors/app-error.js';
import type { SecretStore } from '../ports.js';

export interface MemoryStoreOptions {
  /**
   * Reject values longer than this many UTF-16 code units, as the Windows Credential Manager does
   * (2,560 bytes of UTF-16 = 1,280). Tests use it to hold the chunked store to that limit.
   */
  maxValueLength?: number;
}

export interface MemoryStore extends SecretStore {
  /** Accounts currently held, sorted: lets tests check that nothing is left behind. */
  accounts(): string[];
}

/**
 * A SecretStore that lives in this process only: used when the keychain is unavailable (the
 * session then ends with the process) and in tests.
 */
export function createMemoryStore(opts: MemoryStoreOptions = {}): MemoryStore {
  const values = new Map<string, string>();
  return {
    get: async (account) => values.get(account) ?? null,
    set: async (account, value) => {
      if (opts.maxValueLength !== undefined && value.length > opts.maxValueLength) {
        throw new AppError(
          'KEYCHAIN_ERROR',
          `The keychain refused a value of ${value.length} characters (its limit is ${opts.maxValueLength}).`,
          'Store the value in chunks below the limit.',
          { details: { length: value.length, limit: opts.maxValueLength } },
        );
      }
      values.set(account, value);
    },
    delete: async (account) => values.delete(account),
    accounts: () => [...values.keys()].sort(),
  };
}
