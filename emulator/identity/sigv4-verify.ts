import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * AWS Signature Version 4 checked from the server's side, written from the specification with
 * node:crypto (not the SDK's signer, so the two can catch each other's mistakes). Known-answer
 * tests from AWS's SigV4 test suite pin canonical request, string to sign and signature.
 */

/** A request as received: method, request target (path and query as sent), headers, raw body. */
export interface ReceivedRequest {
  method: string;
  target: string;
  /** Lower-case header name → every value received for it, in order. */
  headers: Record<string, string[] | undefined>;
  body: Buffer | string;
}

export interface SigV4Authorization {
  accessKeyId: string;
  /** YYYYMMDD from the credential scope. */
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

export interface SigV4Computation {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

export type SigV4Check =
  | { ok: true; auth: SigV4Authorization }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown-key'; auth?: SigV4Authorization }
  | { ok: false; reason: 'mismatch'; auth: SigV4Authorization };

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/;

export function parseAuthorization(value: string | undefined): SigV4Authorization | undefined {
  const m = AUTHORIZATION.exec(value?.trim() ?? '');
  if (!m) return undefined;
  const [, accessKeyId = '', date = '', region = '', service = '', signed = '', signature = ''] = m;
  return { accessKeyId, date, region, service, signedHeaders: signed.split(';'), signature };
}

export function fromIncoming(req: IncomingMessage, body: Buffer): ReceivedRequest {
  return { method: req.method ?? 'GET', target: req.url ?? '/', headers: req.headersDistinct, body };
}

/**
 * Checks the Authorization header of REQ against the secret that `secretFor` knows for its access
 * key id. The payload hash is computed from the body received; a different X-Amz-Content-Sha256 is
 * a mismatch too (else the body could change under a valid signature).
 */
export function verifySigV4(req: ReceivedRequest, secretFor: (accessKeyId: string) => string | undefined): SigV4Check {
  const header = req.headers.authorization?.[0];
  if (header === undefined) return { ok: false, reason: 'missing' };
  const auth = parseAuthorization(header);
  if (!auth) return { ok: false, reason: 'malformed' };
  const secret = secretFor(auth.accessKeyId);
  if (secret === undefined) return { ok: false, reason: 'unknown-key', auth };
  const computed = computeSigV4(req, auth, secret);
  const claimedHash = req.headers['x-amz-content-sha256']?.[0];
  const bodyOk = claimedHash === undefined || claimedHash === sha256Hex(req.body);
  return computed && bodyOk && sameHex(computed.signature, auth.signature) ? { ok: true, auth } : { ok: false, reason: 'mismatch', auth };
}

/** The canonical request, string to sign and signature for REQ under AUTH's scope; undefined when it cannot be built. */
export function computeSigV4(req: ReceivedRequest, auth: SigV4Authorization, secret: string): SigV4Computation | undefined {
  const amzDate = req.headers['x-amz-date']?.[0] ?? '';
  if (!/^\d{8}T\d{6}Z$/.test(amzDate) || !amzDate.startsWith(auth.date)) return undefined;
  const headerLines: string[] = [];
  for (const name of auth.signedHeaders) {
    const values = req.headers[name];
    if (values === undefined) return undefined;
    headerLines.push(`${name}:${values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',')}\n`);
  }
  const queryAt = req.target.indexOf('?');
  const path = queryAt < 0 ? req.target : req.target.slice(0, queryAt);
  const query = queryAt < 0 ? '' : req.target.slice(queryAt + 1);
  let uri: string;
  let canonicalQueryString: string;
  try {
    uri = canonicalUri(path);
    canonicalQueryString = canonicalQuery(query);
  } catch {
    return undefined; // not encodable (a lone surrogate): no signature could match
  }
  const canonicalRequest = [req.method, uri, canonicalQueryString, headerLines.join(''), auth.signedHeaders.join(';'), sha256Hex(req.body)].join('\n');
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let key: Buffer = hmac(`AWS4${secret}`, auth.date);
  for (const part of [auth.region, auth.service, 'aws4_request']) key = hmac(key, part);
  return { canonicalRequest, stringToSign, signature: hmac(key, stringToSign).toString('hex') };
}

/**
 * The path with dot segments and empty segments removed (a trailing slash kept), each segment
 * URI-encoded once more: a path that arrived percent-encoded is encoded twice, as AWS services
 * other than S3 expect.
 */
function canonicalUri(path: string): string {
  const out: string[] = [];
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(uriEncode(segment));
  }
  const last = segments[segments.length - 1];
  const trailing = out.length > 0 && (last === '' || last === '.' || last === '..');
  return `/${out.join('/')}${trailing ? '/' : ''}`;
}

/** Parameters decoded, re-encoded the one canonical way, sorted by name then value. */
function canonicalQuery(query: string): string {
  if (query === '') return '';
  const pairs = query
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const [k, v] = eq < 0 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)];
      return [uriEncode(decode(k)), uriEncode(decode(v))] as const;
    });
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** RFC 3986: everything but A-Z a-z 0-9 - _ . ~ percent-encoded as UTF-8, hex upper case. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
