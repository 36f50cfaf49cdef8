import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random URL- and cookie-safe secret: 32 bytes (256 bits) unless told otherwise. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Equality of two secrets in constant time whatever their lengths (compares SHA-256 digests). */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** Every value of cookie `name` in a Cookie header: a browser sends one per matching path. */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (header === undefined) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}
