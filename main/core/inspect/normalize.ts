/** Tokens are pasted from headers, JSON, logs and terminals; these are the wrappers we peel off. */
const QUOTES = new Set(['"', "'", '`']);

/**
 * Strip what commonly surrounds a pasted token: whitespace, an `Authorization:` label, a `Bearer `
 * prefix, quotes, and line breaks from wrapped terminals. Each removal is noted, since a reader
 * should know the token we looked at is not byte-for-byte what they gave.
 */
export function normalizeTokenInput(input: string, notes: string[]): string {
  let s = input.trim();
  // A few rounds so `"Bearer eyJ…"` and `Bearer "eyJ…"` both come out clean.
  for (let round = 0; round < 3; round += 1) {
    const before = s;
    const label = /^authorization\s*:\s*/i.exec(s);
    if (label) {
      s = s.slice(label[0].length).trim();
      notes.push('removed an "Authorization:" label');
    }
    const bearer = /^bearer\s+/i.exec(s);
    if (bearer) {
      s = s.slice(bearer[0].length).trim();
      notes.push('removed a "Bearer " prefix');
    }
    const first = s[0];
    if (s.length >= 2 && first !== undefined && QUOTES.has(first) && s.endsWith(first)) {
      s = s.slice(1, -1).trim();
      notes.push('removed surrounding quotes');
    }
    if (s === before) break;
  }
  const withoutSpace = s.replace(/\s+/g, '');
  if (withoutSpace.length !== s.length) {
    notes.push(`removed ${s.length - withoutSpace.length} whitespace character(s) inside the token (line breaks from wrapping?)`);
    s = withoutSpace;
  }
  return s;
}
