import type { DecodeProblem } from './types.js';

type Part = 'header' | 'payload';

export interface SegmentResult {
  json?: Record<string, unknown>;
  /** The decoded text when it is not a JSON object (capped), so it can still be shown. */
  text?: string;
}

/** Deeper JSON than this is pruned: real claims are shallow, and deep nesting breaks printers. */
export const MAX_JSON_DEPTH = 32;
const MAX_TEXT_CHARS = 4096;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

export function describeChar(s: string, index: number): string {
  const cp = s.codePointAt(index) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return cp > 0x20 && cp < 0x7f ? `'${String.fromCodePoint(cp)}'` : hex;
}

const isB64Url = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95;

/**
 * Check a segment's alphabet. Reports the first foreign character (with its offset in the token)
 * and, separately, standard-base64 characters, which we still decode since that is a common slip.
 * Returns the segment rewritten to clean base64url.
 */
export function checkBase64Url(seg: string, start: number, part: DecodeProblem['part'], problems: DecodeProblem[]): string {
  let clean = '';
  let invalidAt = -1;
  let standardAt = -1;
  let paddingAt = -1;
  for (let i = 0; i < seg.length; i += 1) {
    const c = seg.charCodeAt(i);
    if (isB64Url(c)) clean += seg[i];
    else if (c === 43 || c === 47) {
      if (standardAt < 0) standardAt = i;
      clean += c === 43 ? '-' : '_';
    } else if (c === 61) {
      if (paddingAt < 0) paddingAt = i;
    } else if (invalidAt < 0) invalidAt = i;
  }
  if (invalidAt >= 0) {
    problems.push({ part, offset: start + invalidAt, message: `${part} is not valid base64url at character ${start + invalidAt} (${describeChar(seg, invalidAt)})` });
  }
  if (standardAt >= 0) {
    problems.push({ part, offset: start + standardAt, message: `${part} uses standard base64 ('+' or '/') at character ${start + standardAt}; JWTs use base64url ('-' and '_')` });
  }
  if (paddingAt >= 0) {
    problems.push({ part, offset: start + paddingAt, message: `${part} has '=' padding at character ${start + paddingAt}; JWTs use unpadded base64url` });
  }
  if (clean.length % 4 === 1) {
    problems.push({ part, message: `${part} has ${clean.length} base64url characters, which no byte string encodes to: a character is missing or extra` });
  }
  return clean;
}

/** Decode one JOSE segment as far as it goes: base64url, then UTF-8, then a JSON object. */
export function decodeJsonSegment(seg: string, start: number, part: Part, problems: DecodeProblem[]): SegmentResult {
  if (seg.length === 0) {
    problems.push({ part, offset: start, message: `${part} is empty` });
    return {};
  }
  const clean = checkBase64Url(seg, start, part, problems);
  const bytes = Buffer.from(clean, 'base64url');
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    problems.push({ part, message: `${part} is not valid UTF-8 once base64url-decoded` });
    text = lossyUtf8.decode(bytes);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    problems.push({ part, message: `${part} is not JSON: ${reason.slice(0, 200)}` });
    const salvaged = salvageTruncated(text);
    if (salvaged) {
      problems.push({ part, message: `${part} looks cut short (was the token truncated when copied?); showing the ${Object.keys(salvaged).length} claim(s) recovered, the last may be incomplete` });
      return { json: salvaged, text: text.slice(0, MAX_TEXT_CHARS) };
    }
    return { text: text.slice(0, MAX_TEXT_CHARS) };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const found = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
    problems.push({ part, message: `${part} is JSON but not an object (found ${found})` });
    return { text: text.slice(0, MAX_TEXT_CHARS) };
  }
  if (jsonDepth(parsed) > MAX_JSON_DEPTH) {
    problems.push({ part, message: `${part} nests JSON deeper than ${MAX_JSON_DEPTH} levels; deeper values are replaced by "[nested too deep]"` });
    return { json: prune(parsed, 0) as Record<string, unknown> };
  }
  return { json: parsed as Record<string, unknown> };
}

/**
 * A JSON object cut off mid-way (a token copied short) can often be closed again. Only flat endings
 * are tried, so this stays cheap; nested damage is left as "not JSON".
 */
function salvageTruncated(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{')) return undefined;
  const body = text.replace(/[,:]\s*$/, '');
  for (const end of ['}', '"}', ']}', '"]}', 'null}', '":null}']) {
    try {
      const v: unknown = JSON.parse(body + end);
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && jsonDepth(v) <= MAX_JSON_DEPTH) return v as Record<string, unknown>;
    } catch {
      /* try the next ending */
    }
  }
  return undefined;
}

/** Iterative, so hostile nesting cannot overflow the stack. */
function jsonDepth(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== 'object') continue;
    if (depth > max) max = depth;
    if (max > MAX_JSON_DEPTH) return max;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return max;
}

function prune(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_JSON_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((v) => prune(v, depth + 1));
  const out: Record<string, unknown> = {};
  // defineProperty, not assignment: a claim named "__proto__" must stay a plain property.
  for (const [k, v] of Object.entries(value)) {
    Object.defineProperty(out, k, { value: prune(v, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
