/** Time formatting for the window: pure functions of (value, now) so the tests drive the clock. */

/** "4:05" / "1:02:03" / "expired 0:12 ago": a countdown to `at` (ms epoch). */
export function countdown(at: number, now: number): string {
  const diff = Math.round((at - now) / 1000);
  const abs = Math.abs(diff);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  const clock = h ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
  return diff >= 0 ? clock : `expired ${clock} ago`;
}

/** "in 5 min", "3 h ago", "just now". */
export function relative(at: number, now: number): string {
  const s = Math.round((at - now) / 1000);
  const abs = Math.abs(s);
  if (abs < 5) return 'just now';
  const text = abs < 90 ? `${abs} s` : abs < 5400 ? `${Math.round(abs / 60)} min` : abs < 172800 ? `${Math.round(abs / 3600)} h` : `${Math.round(abs / 86400)} days`;
  return s >= 0 ? `in ${text}` : `${text} ago`;
}

/** Local date and time, as the person's own clock shows it. */
export function localTime(at: number, timeZone?: string): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium', ...(timeZone ? { timeZone } : {}) });
}

export function localClock(at: number, timeZone?: string): string {
  return new Date(at).toLocaleTimeString(undefined, { timeStyle: 'medium', ...(timeZone ? { timeZone } : {}) } as Intl.DateTimeFormatOptions);
}

/** A claim value as one line of text. */
export function claimText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
