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

/**
 * What a desktop shell offers the core beyond the browser: each is optional, and its presence is
 * what `app:capabilities` reports. The browser shell (main/web) provides none of them.
 */
export interface ShellPorts {
  /** Writes text to the OS clipboard from the main process. */
  writeClipboard?(text: string): Promise<void> | void;
  /** Shows a native open-file dialog; resolves to the chosen path, or undefined when cancelled. */
  pickFile?(options: { title: string; extensions: string[] }): Promise<string | undefined>;
  /** Brings the app window to the front (e.g. when a sign-in completes in the browser). */
  focusWindow?(): void;
}
