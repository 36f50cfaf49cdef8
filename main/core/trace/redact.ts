import { createHash } from 'node:crypto';

/**
 * Redaction for the request timeline: every secret is replaced by a marker with a short fingerprint
 * (the first hex characters of its SHA-256) BEFORE anything is kept, so two tokens can be told apart
 * without either being shown. Applied to URLs (query and fragment), headers and bodies (JSON, form,
 * STS XML), and, as a last pass over any text, to anything shaped like a JWT.
 */

/** ‹redacted:3fa2› for a value; the same value always gives the same marker. */
export function marker(value: string): string {
  return `‹redacted:${createHash('sha256').update(value).digest('hex').slice(0, 4)}›`;
}

/** Parameter, JSON key and XML element names whose values are secrets (compared lower-cased). */
const SECRET_NAMES = new Set([
  'code', 'code_verifier', 'access_token', 'id_token', 'refresh_token', 'token', 'id_token_hint',
  'client_secret', 'clientsecret', 'client_assertion', 'assertion', 'password', 'session',
  // AWS: identity pool and STS shapes, SDK credentials
  'secretkey', 'secretaccesskey', 'sessiontoken', 'webidentitytoken', 'x-amz-security-token',
  'idtoken', 'accesstoken', 'refreshtoken',
]);
/** Objects whose every value is a secret: the identity pool's Logins map holds ID tokens. */
const SECRET_MAPS = new Set(['logins']);
/** Headers whose value (after an auth scheme word) is a secret. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-amz-security-token']);

const JWT = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;

export const isSecretName = (name: string) => SECRET_NAMES.has(name.toLowerCase());

const NAMED = new RegExp(`(?<![\\w-])(${[...SECRET_NAMES].map((n) => n.replace(/-/g, '\\-')).join('|')})=([^&\\s"'<>‹]+)`, 'gi');

/**
 * The last pass over any text: JWT-shaped strings (tokens echoed by an API, a token in a path) and
 * `name=value` pairs with a secret name (a form body quoted inside JSON or an error message).
 */
export function redactText(text: string): string {
  return text.replace(JWT, (m) => marker(m)).replace(NAMED, (_m, name: string, value: string) => `${name}=${marker(safeDecode(value))}`);
}

/** a=1&code=xyz → a=1&code=‹redacted:…›, keeping the other pairs byte for byte. */
export function redactPairs(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const i = pair.indexOf('=');
      if (i < 0) return pair;
      const name = safeDecode(pair.slice(0, i));
      return isSecretName(name) ? `${pair.slice(0, i)}=${marker(safeDecode(pair.slice(i + 1)))}` : pair;
    })
    .join('&');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** A URL with secret query and fragment parameters (and JWTs anywhere) replaced. */
export function redactUrl(url: string): string {
  const hash = url.indexOf('#');
  const fragment = hash >= 0 ? url.slice(hash + 1) : undefined;
  const beforeHash = hash >= 0 ? url.slice(0, hash) : url;
  const q = beforeHash.indexOf('?');
  const base = q >= 0 ? beforeHash.slice(0, q) : beforeHash;
  const query = q >= 0 ? beforeHash.slice(q + 1) : undefined;
  const out = `${base}${query !== undefined ? `?${redactPairs(query)}` : ''}${fragment !== undefined ? `#${redactPairs(fragment)}` : ''}`;
  return redactText(out);
}

export function redactHeader(name: string, value: string): string {
  if (!SECRET_HEADERS.has(name.toLowerCase())) return redactText(value);
  if (/^(cookie|set-cookie)$/i.test(name)) {
    // name=value; Path=/; HttpOnly: the cookie's name and attributes stay, its value goes.
    return value.replace(/^([^=;]+)=([^;]*)/, (_m, n: string, v: string) => `${n}=${marker(v)}`)
      .replace(/;\s*([^=;]+)=([^;]*)/g, (m, n: string, v: string) => (/^(path|domain|expires|max-age|samesite)$/i.test(n.trim()) ? m : `; ${n.trim()}=${marker(v)}`));
  }
  const m = /^(Bearer|Basic|Negotiate|AWS4-HMAC-SHA256)\s+(.*)$/i.exec(value);
  return m ? `${m[1]} ${marker(m[2]!)}` : marker(value);
}

export function redactHeaders(headers: Iterable<[string, string]>): Array<[string, string]> {
  return [...headers].map(([k, v]) => [k, redactHeader(k, v)]);
}

function redactJsonValue(value: unknown, secret: boolean): unknown {
  if (typeof value === 'string') return secret ? marker(value) : redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactJsonValue(v, secret));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => {
      const lower = k.toLowerCase();
      if (SECRET_MAPS.has(lower) && v !== null && typeof v === 'object') {
        return [k, Object.fromEntries(Object.entries(v).map(([mk, mv]) => [mk, typeof mv === 'string' ? marker(mv) : redactJsonValue(mv, true)]))];
      }
      return [k, redactJsonValue(v, secret || SECRET_NAMES.has(lower))];
    }));
  }
  return value;
}

const XML_SECRET = /<(SecretAccessKey|SessionToken|WebIdentityToken|SecretKey|Token)>([^<]*)<\/\1>/g;

/**
 * A body as text, redacted by its type: JSON by key, form bodies by parameter name, XML (STS) by
 * element; anything else only by the JWT pass.
 */
export function redactBody(body: string, mimeType = ''): string {
  const type = mimeType.toLowerCase();
  const trimmed = body.trimStart();
  if (type.includes('json') || /^[[{]/.test(trimmed)) {
    try {
      return JSON.stringify(redactJsonValue(JSON.parse(body), false));
    } catch {
      // not JSON after all: the text passes below
    }
  }
  if (type.includes('x-www-form-urlencoded') || (!type && /^[\w.%-]+=[^\s]*$/.test(body))) return redactText(redactPairs(body));
  if (type.includes('xml') || trimmed.startsWith('<')) return redactText(body.replace(XML_SECRET, (_m, tag: string, v: string) => `<${tag}>${marker(v)}</${tag}>`));
  return redactText(body);
}
