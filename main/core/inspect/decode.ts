import { normalizeTokenInput } from './normalize.js';
import { checkBase64Url, decodeJsonSegment, describeChar } from './segment.js';
import type { DecodedToken, DecodeProblem } from './types.js';

/** Real tokens are a few KB; anything far larger is refused rather than processed. */
export const MAX_TOKEN_CHARS = 64 * 1024;

const OPAQUE_TOKEN = /^[A-Za-z0-9\-_~+/=]{16,}$/;

/**
 * Decode anything as far as it goes. Never throws and never verifies: the result says what kind
 * of thing the input is, what parsed, and what is wrong and where.
 */
export function decodeToken(input: string): DecodedToken {
  const notes: string[] = [];
  const text = typeof input === 'string' ? input : String(input);
  const trimmed = text.trim();
  if (trimmed.length > MAX_TOKEN_CHARS) {
    const message = `input is ${trimmed.length} characters; inputs over ${MAX_TOKEN_CHARS} characters are not decoded`;
    return { kind: 'not-a-jwt', raw: '', signaturePresent: false, problems: [{ part: 'token', message }], notes };
  }
  const raw = normalizeTokenInput(trimmed, notes);
  if (raw === '') {
    return { kind: 'not-a-jwt', raw, signaturePresent: false, problems: [{ part: 'token', message: 'input is empty' }], notes };
  }
  const parts = raw.split('.');
  if (parts.length === 3) return decodeJws(raw, parts as [string, string, string], notes);
  if (parts.length === 5) return decodeJwe(raw, parts[0] ?? '', notes);
  if (parts.length === 1) return decodeSinglePart(raw, notes);
  return decodeWrongPartCount(raw, parts, notes);
}

function decodeJws(raw: string, [h, p, s]: [string, string, string], notes: string[]): DecodedToken {
  const problems: DecodeProblem[] = [];
  const header = decodeJsonSegment(h, 0, 'header', problems);
  const payload = decodeJsonSegment(p, h.length + 1, 'payload', problems);
  const sigStart = h.length + p.length + 2;
  if (s.length > 0) checkBase64Url(s, sigStart, 'signature', problems);
  const alg = header.json?.['alg'];
  if (s.length === 0 && alg !== 'none') {
    problems.push({ part: 'signature', offset: sigStart, message: 'signature is empty: the token is unsigned' });
  }
  if (header.json && 'enc' in header.json) {
    notes.push('the header has "enc", which belongs to an encrypted token (JWE); a JWE has 5 parts, this has 3');
  }
  const kind = header.json || payload.json ? 'jwt' : 'not-a-jwt';
  return withParts({ kind, raw, signaturePresent: s.length > 0, problems, notes }, header, payload);
}

function decodeJwe(raw: string, h: string, notes: string[]): DecodedToken {
  const problems: DecodeProblem[] = [];
  const header = decodeJsonSegment(h, 0, 'header', problems);
  const json = header.json;
  if (json) {
    const alg = typeof json['alg'] === 'string' ? json['alg'] : '?';
    const enc = typeof json['enc'] === 'string' ? json['enc'] : '?';
    notes.push(`encrypted token (JWE, alg ${alg}, enc ${enc}): only the header can be read; the contents are encrypted for the issuer`);
    if (json['cty'] === 'JWT' && alg === 'RSA-OAEP' && enc === 'A256GCM') {
      notes.push('this has the shape of a Cognito refresh token, which Cognito encrypts for itself; no one else can read or verify it');
    }
  }
  return withParts({ kind: json ? 'jwe' : 'not-a-jwt', raw, signaturePresent: false, problems, notes }, header, {});
}

function decodeSinglePart(raw: string, notes: string[]): DecodedToken {
  const problems: DecodeProblem[] = [];
  if (raw.startsWith('eyJ')) {
    // Probably one part of a JWT copied on its own: show what it holds.
    problems.push({ part: 'token', message: 'expected 3 dot-separated parts, found 1' });
    const seg = decodeJsonSegment(raw, 0, 'header', problems);
    if (seg.json) notes.push('the input decodes to a JSON object: it looks like one part of a JWT, not a whole one');
    return withParts({ kind: 'not-a-jwt', raw, signaturePresent: false, problems, notes }, seg, {});
  }
  if (OPAQUE_TOKEN.test(raw)) {
    notes.push('opaque token (no dots): not a JWT, so it cannot be decoded locally; only its issuer knows what it means (for example via token introspection)');
    return { kind: 'opaque', raw, signaturePresent: false, problems, notes };
  }
  const bad = firstNonTokenChar(raw);
  const where = bad >= 0 ? `; it contains ${describeChar(raw, bad)} at character ${bad}` : '';
  problems.push({ part: 'token', ...(bad >= 0 ? { offset: bad } : {}), message: `not a token: expected 3 dot-separated parts, found 1${where}` });
  return { kind: 'not-a-jwt', raw, signaturePresent: false, problems, notes };
}

function decodeWrongPartCount(raw: string, parts: string[], notes: string[]): DecodedToken {
  const problems: DecodeProblem[] = [{ part: 'token', message: `expected 3 dot-separated parts, found ${parts.length}` }];
  const h = parts[0] ?? '';
  const header = decodeJsonSegment(h, 0, 'header', problems);
  const payload = decodeJsonSegment(parts[1] ?? '', h.length + 1, 'payload', problems);
  return withParts({ kind: 'not-a-jwt', raw, signaturePresent: false, problems, notes }, header, payload);
}

function withParts(
  base: DecodedToken,
  header: { json?: Record<string, unknown>; text?: string },
  payload: { json?: Record<string, unknown>; text?: string },
): DecodedToken {
  const out: DecodedToken = { ...base };
  if (header.json) out.header = header.json;
  if (header.text !== undefined) out.headerText = header.text;
  if (payload.json) out.payload = payload.json;
  if (payload.text !== undefined) out.payloadText = payload.text;
  return out;
}

function firstNonTokenChar(s: string): number {
  for (let i = 0; i < s.length; i += 1) {
    if (!/[A-Za-z0-9\-_~+/=]/.test(s[i] ?? '')) return i;
  }
  return -1;
}
