/** One HTTP exchange as the timeline keeps it: everything already redacted (see redact.ts). */
export interface Exchange {
  /** Increasing per recorder: the order exchanges started in. */
  id: number;
  profile?: string;
  /** What made it when not the profile's own session, e.g. `Try` (the Tester's sign-in, which saves nothing). */
  context?: string;
  /**
   * `fetch`: a request this process made. `browser`: a navigation the browser made that the
   * loopback listener saw or sent (the authorize redirect, the callback with its parameters).
   */
  kind: 'fetch' | 'browser';
  /** ms since the epoch (the injected clock). */
  startedAt: number;
  durationMs: number;
  method: string;
  url: string;
  /** Absent when no response came (network failure). */
  status?: number;
  statusText?: string;
  /** Why no response came. */
  error?: string;
  request: { headers: Array<[string, string]>; body?: string; mimeType?: string };
  response?: { headers: Array<[string, string]>; body?: string; mimeType?: string };
}

/** What core code that has no fetch to wrap (the loopback listener's callback) reports to. */
export interface TraceSink {
  note(entry: Omit<Exchange, 'id'>): void;
}
