import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { CredentialLedger } from './credentials.js';
import { IdentityError } from './errors.js';
import { fromIncoming, verifySigV4 } from './sigv4-verify.js';

/**
 * The SigV4 gate of the signed (administrative) JSON operations of cognito-idp and
 * cognito-identity. The emulator has no IAM: any access key is accepted, but the request must
 * carry a well-formed signature scoped to this service and region, dated within five minutes of
 * the emulator's clock. Keys this emulator issued (identity pool credentials) are checked in full
 * against their secret and session token, as AWS would. Errors are AWS's common ones for JSON
 * services (400, `{"__type","message"}`), as the SDK and live captures show them.
 */
export interface SignatureGate {
  service: 'cognito-idp' | 'cognito-identity';
  /** Regions this emulator answers for (its config's, and its pools' id prefixes). */
  regions: readonly string[];
  nowMs: number;
  ledger?: CredentialLedger;
}

const MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const SKEW_MS = 5 * 60_000;

export function requireSignature(req: IncomingMessage, body: Buffer, gate: SignatureGate): void {
  const received = fromIncoming(req, body);
  const known = (id: string) => gate.ledger?.find(id)?.secretAccessKey;
  const check = verifySigV4(received, known);
  if (!check.ok && check.reason === 'missing') throw new IdentityError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  if (!check.ok && check.reason === 'malformed') {
    throw new IdentityError('IncompleteSignatureException', `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization=${String(req.headers.authorization).split(' ')[0]}`);
  }
  const auth = check.auth;
  if (!auth) throw new IdentityError('IncompleteSignatureException', 'The request signature does not conform to AWS standards.');
  if (auth.service !== gate.service) throw new IdentityError('InvalidSignatureException', `Credential should be scoped to correct service: '${gate.service}'. `);
  if (!gate.regions.includes(auth.region)) throw new IdentityError('InvalidSignatureException', 'Credential should be scoped to a valid region. ');
  if (!auth.signedHeaders.includes('host')) throw new IdentityError('InvalidSignatureException', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  const amzDate = received.headers['x-amz-date']?.[0] ?? '';
  const at = parseAmzDate(amzDate);
  if (at === undefined) throw new IdentityError('IncompleteSignatureException', "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (!amzDate.startsWith(auth.date)) throw new IdentityError('InvalidSignatureException', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`);
  if (Math.abs(at - gate.nowMs) > SKEW_MS) {
    throw new IdentityError('InvalidSignatureException', `Signature expired: ${amzDate} is now earlier than ${amzDateOf(gate.nowMs - SKEW_MS)} (${amzDateOf(gate.nowMs)} - 5 min.)`);
  }
  if (check.ok || check.reason === 'mismatch') {
    // A key we issued: the signature must verify, with the session token that came with it.
    const record = gate.ledger?.find(auth.accessKeyId);
    if (record && req.headers['x-amz-security-token'] !== record.sessionToken) throw new IdentityError('UnrecognizedClientException', 'The security token included in the request is invalid.');
    if (!check.ok) throw new IdentityError('InvalidSignatureException', MISMATCH);
    return;
  }
  // Any other key: the body hash it claims must still be the body's.
  const claimed = received.headers['x-amz-content-sha256']?.[0];
  if (claimed !== undefined && claimed !== 'UNSIGNED-PAYLOAD' && claimed !== sha256(body)) throw new IdentityError('InvalidSignatureException', MISMATCH);
}

function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function amzDateOf(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function sha256(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}
