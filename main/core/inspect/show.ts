/** A claim value for a one-line message: JSON, capped, so a hostile token cannot flood a report. */
export function show(value: unknown, max = 100): string {
  let s: string;
  try {
    s = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  } catch {
    s = '[unprintable]';
  }
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
