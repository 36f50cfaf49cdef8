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
  /**
   * After a fall-back: try the keychain again (a write, since a locked collection answers reads of
   * missing items without unlocking); if it works, what memory holds moves into it. Resolves
   * whether the keychain is in use. With the keychain in use, only a write probe.
   */
  retryKeychain(): Promise<boolean>;
}

export interface FallbackOptions {
  onFallback?: (error: AppError) => void;
  /**
   * The app: before each write while in memory, try the keychain again, and move memory's secrets
   * into it once it works (`onRecovered` is told once). The CLI lives seconds and does not.
   */
  retry?: boolean;
  onRecovered?: () => void;
}

const isKeychainDown = (err: unknown): err is AppError => isAppError(err) && (err.code === 'KEYCHAIN_UNAVAILABLE' || err.code === 'KEYCHAIN_LOCKED');
const PROBE_ACCOUNT = 'probe:write';

/**
 * Uses `primary` until it reports KEYCHAIN_UNAVAILABLE or KEYCHAIN_LOCKED, then memory (never a
 * file). `onFallback` is told once, so the app and the CLI can say the session will not survive a
 * restart. Other errors (a damaged entry) pass through.
 */
export function createFallbackStore(primary: SecretStore, opts: FallbackOptions = {}): FallbackStore {
  const memory = createMemoryStore();
  let problem: ErrorInfo | undefined;
  let recovering: Promise<boolean> | undefined;
  const fallBack = (err: AppError): void => {
    if (problem) return;
    problem = err.toInfo();
    opts.onFallback?.(err);
  };
  const attempt = async <T>(op: (store: SecretStore) => Promise<T>): Promise<T> => {
    if (problem) return op(memory);
    try {
      return await op(primary);
    } catch (err) {
      if (!isKeychainDown(err)) throw err;
      fallBack(err);
      return op(memory);
    }
  };
  /** Moves memory's secrets into the keychain; a failure part-way keeps memory in use. */
  const recover = async (): Promise<boolean> => {
    try {
      await primary.set(PROBE_ACCOUNT, '1');
      await primary.delete(PROBE_ACCOUNT);
      for (const account of memory.accounts()) await primary.set(account, (await memory.get(account))!);
    } catch (err) {
      if (!isKeychainDown(err)) throw err;
      return false;
    }
    for (const account of memory.accounts()) await memory.delete(account);
    problem = undefined;
    opts.onRecovered?.();
    return true;
  };
  const retryKeychain = async (): Promise<boolean> => {
    if (!problem) {
      // A write probe: shows a locked collection that reads cannot.
      await attempt(async (s) => {
        if (s === primary) {
          await s.set(PROBE_ACCOUNT, '1');
          await s.delete(PROBE_ACCOUNT);
        }
      });
      return problem === undefined;
    }
    recovering ??= recover().finally(() => (recovering = undefined));
    return recovering;
  };
  return {
    get persistent() {
      return problem === undefined;
    },
    get problem() {
      return problem;
    },
    retryKeychain,
    get: (account) => attempt((s) => s.get(account)),
    set: async (account, value) => {
      if (problem && opts.retry) await retryKeychain();
      return attempt((s) => s.set(account, value));
    },
    delete: (account) => attempt((s) => s.delete(account)),
  };
}

/** The store the app and the CLI use. */
export function createSystemSecretStore(opts: { service?: string } & FallbackOptions = {}): FallbackStore {
  const { service, ...fallback } = opts;
  const keychain = createChunkedStore(createKeyringStore(service === undefined ? {} : { service }), {
    maxChunkLength: platformMaxChunkLength(),
  });
  return createFallbackStore(keychain, fallback);
}
