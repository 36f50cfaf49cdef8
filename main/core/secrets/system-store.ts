import type { AppError, ErrorInfo } from '../errors/app-error.js';
import { isAppError } from '../errors/app-error.js';
import type { SecretStore } from '../ports.js';
import { createChunkedStore, DEFAULT_MAX_CHUNK_LENGTH } from './chunked-store.js';
import { createKeyringStore } from './keyring-store.js';
import { createMemoryStore } from './memory-store.js';

/**
 * Production wiring of the secret store: the OS keychain behind chunking, falling back to memory
 * (never to a file) when the keychain is unavailable or locked.
 */

/**
 * Chunk only where the platform needs it: Windows refuses values over 2,560 bytes of UTF-16. On
 * macOS every item can cost a keychain prompt when the app's signature changes, so fewer is better.
 */
export function platformMaxChunkLength(platform: NodeJS.Platform = process.platform): number {
  return platform === 'win32' ? DEFAULT_MAX_CHUNK_LENGTH : 1_000_000;
}

export interface FallbackStore extends SecretStore {
  /** false once the keychain failed and secrets live in this process only. */
  readonly persistent: boolean;
  /** Why the keychain is not used (code KEYCHAIN_UNAVAILABLE or KEYCHAIN_LOCKED), if it is not. */
  readonly problem: ErrorInfo | undefined;
}

/**
 * Uses `primary` until it reports KEYCHAIN_UNAVAILABLE or KEYCHAIN_LOCKED, then memory for the rest
 * of the process. `onFallback` is told once, so the app and the CLI can say the session will not
 * survive a restart. Other errors (a damaged entry) pass through.
 */
export function createFallbackStore(primary: SecretStore, opts: { onFallback?: (error: AppError) => void } = {}): FallbackStore {
  const memory = createMemoryStore();
  let problem: ErrorInfo | undefined;
  const attempt = async <T>(op: (store: SecretStore) => Promise<T>): Promise<T> => {
    if (problem) return op(memory);
    try {
      return await op(primary);
    } catch (err) {
      if (!isAppError(err) || (err.code !== 'KEYCHAIN_UNAVAILABLE' && err.code !== 'KEYCHAIN_LOCKED')) throw err;
      problem = err.toInfo();
      opts.onFallback?.(err);
      return op(memory);
    }
  };
  return {
    get persistent() {
      return problem === undefined;
    },
    get problem() {
      return problem;
    },
    get: (account) => attempt((s) => s.get(account)),
    set: (account, value) => attempt((s) => s.set(account, value)),
    delete: (account) => attempt((s) => s.delete(account)),
  };
}

/** The store the app and the CLI use. */
export function createSystemSecretStore(opts: { service?: string; onFallback?: (error: AppError) => void } = {}): FallbackStore {
  const keychain = createChunkedStore(createKeyringStore(opts.service === undefined ? {} : { service: opts.service }), {
    maxChunkLength: platformMaxChunkLength(),
  });
  return createFallbackStore(keychain, opts.onFallback ? { onFallback: opts.onFallback } : {});
}
