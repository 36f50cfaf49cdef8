/**
 * When to refresh: about 80% into the access token's life, at least 60 s before expiry when the
 * lifetime allows, never later than half-way for very short lifetimes (so a short test lifetime
 * cannot spin), minus a little jitter so many clients do not refresh in lock step.
 */
export function refreshDelayMs(now: number, issuedAt: number, expiresAt: number, random: () => number = Math.random): number {
  const lifetime = Math.max(0, expiresAt - issuedAt);
  const lead = Math.max(0.2 * lifetime, Math.min(60_000, 0.5 * lifetime));
  const jitter = random() * 0.05 * lifetime;
  return Math.max(0, expiresAt - lead - jitter - now);
}

/** Is a refresh due now (used after sleep/resume, when timers may not have fired)? */
export function refreshDue(now: number, issuedAt: number, expiresAt: number): boolean {
  return refreshDelayMs(now, issuedAt, expiresAt, () => 0) === 0;
}

/** Backoff for retries after a network failure: 1 s, 2 s, 4 s ... capped at 60 s, with jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + 0.5 * random()));
}
