import type { ClaimTime } from './types.js';

/** The largest Date JavaScript can represent, in seconds. Beyond it a claim is not a time. */
const MAX_DATE_SECONDS = 8.64e12 / 1000;

/** Intl formatters are costly to build, so keep one per time zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function localFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      hourCycle: 'h23', timeZoneName: 'short',
    };
    try {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      // An unknown zone name: fall back to UTC rather than fail the whole report.
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, f);
  }
  return f;
}

export function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_DATE_SECONDS;
}

/** `2023-04-29T18:51:24Z` (fractions shown only when the claim has them). */
export function formatUtc(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  return Number.isInteger(seconds) ? iso.replace('.000Z', 'Z') : iso;
}

/** `2023-04-29 20:51:24 GMT+2` in the given zone (the process's zone when none is given). */
export function formatLocal(seconds: number, timeZone?: string): string {
  const parts = localFormatter(timeZone).formatToParts(new Date(seconds * 1000));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')} ${get('timeZoneName')}`;
}

/** "42 min", "3 h", "3 h 5 min", "12 days". Whole units, rounded down. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.floor(Math.abs(totalSeconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 48 * 3600) {
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const days = Math.floor(s / 86400);
  return days >= 730 ? `${Math.floor(days / 365)} years` : `${days} days`;
}

export type TimeClaimKind = 'exp' | 'nbf' | 'iat' | 'auth_time' | 'other';

/** Phrasing for a time claim relative to now: "expires in 42 min", "issued 5 min ago". */
export function relativePhrase(kind: TimeClaimKind, seconds: number, nowMs: number): string {
  const delta = seconds - nowMs / 1000;
  const d = formatDuration(delta);
  const future = delta > 0;
  switch (kind) {
    case 'exp':
      return future ? `expires in ${d}` : `expired ${d} ago`;
    case 'nbf':
      return future ? `not valid until ${d} from now` : `valid since ${d} ago`;
    case 'iat':
      return future ? `issued ${d} in the future` : `issued ${d} ago`;
    case 'auth_time':
      return future ? `signed in ${d} in the future` : `signed in ${d} ago`;
    default:
      return future ? `in ${d}` : `${d} ago`;
  }
}

export function claimTime(kind: TimeClaimKind, seconds: number, nowMs: number, timeZone?: string): ClaimTime {
  return { utc: formatUtc(seconds), local: formatLocal(seconds, timeZone), relative: relativePhrase(kind, seconds, nowMs) };
}
