/**
 * The side effects core code needs, passed in as arguments so tests can use real local servers and
 * a controllable clock instead of mocks. Each real adapter lives in exactly one file.
 */

/** Milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export type Fetch = typeof globalThis.fetch;

/** A string-valued secret store (the OS keychain in production). */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/** Opens a URL in the user's browser. Rejects if the browser could not be started. */
export interface BrowserOpener {
  open(url: string): Promise<void>;
}
