/**
 * Text that came from outside (a server's error_description, token claims, a pasted token) made
 * safe to print on a terminal: C0/C1 controls (ESC, CR, BEL, ...), DEL and bidi overrides become
 * visible `\uXXXX` escapes, so they cannot retitle the terminal, erase lines or fake output, and the
 * length is capped. The text stays readable.
 */
export function clean(s: string, max = 2000): string {
  const capped = s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
  // eslint-disable-next-line no-control-regex
  return capped.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Like clean() for multi-line output (a traced response body): keeps line feeds and tabs, no cap. */
export function cleanBlock(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
