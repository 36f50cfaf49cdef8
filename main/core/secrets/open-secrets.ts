import type { AppError, ErrorInfo } from '../errors/app-error.js';
import { createSessionVault, type SessionVault } from './session-vault.js';

export interface OpenedSecrets {
  vault: SessionVault;
  /** false once the keychain proved unavailable or locked: sessions then live in memory only. */
  readonly persisted: boolean;
  readonly problem: ErrorInfo | undefined;
  /**
   * Tries the keychain with a write (a locked collection shows itself only then); after a fall-back,
   * moves what memory holds into it when it works. Resolves whether the keychain is in use.
   */
  retryKeychain(): Promise<boolean>;
}

export interface OpenSecretsOptions {
  /** The app: retry the keychain before each write while in memory (system-store.ts). */
  retry?: boolean;
  /** Told once when the keychain works again and the in-memory sessions moved into it. */
  onRecovered?: () => void;
}

/**
 * The keychain-backed session vault (system-store.ts: chunked where the platform needs it, memory
 * once the keychain fails, never a plain-text file). A read probes for a missing Secret Service at
 * once; a locked collection shows itself on the first write, so `persisted` is live, not a snapshot.
 */
export async function openSecrets(onFallback?: (error: AppError) => void, opts: OpenSecretsOptions = {}): Promise<OpenedSecrets> {
  const { createSystemSecretStore } = await import('./system-store.js');
  const store = createSystemSecretStore({ ...(onFallback ? { onFallback } : {}), ...opts });
  await store.get('probe');
  return {
    vault: createSessionVault(store),
    get persisted() {
      return store.persistent;
    },
    get problem() {
      return store.problem;
    },
    retryKeychain: () => store.retryKeychain(),
  };
}
