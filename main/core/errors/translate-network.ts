import { AppError } from './app-error.js';
import type { TranslateContext } from './translate-context.js';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
const TLS_CODE = /^(CERT_|UNABLE_TO_(GET|VERIFY)|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH)/;

/** What OpenSSL reports when an https:// request reaches a plain-http server. */
const PLAIN_HTTP_CODES = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_HTTP_REQUEST', 'ERR_SSL_PACKET_LENGTH_TOO_LONG']);

/** Node/undici put the syscall error a few causes deep, sometimes inside an AggregateError. */
function findErrno(err: unknown, depth = 0): { code: string; host?: string } | undefined {
  if (depth > 5 || typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; hostname?: unknown; address?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || TLS_CODE.test(e.code))) {
    const host = typeof e.hostname === 'string' ? e.hostname : typeof e.address === 'string' ? e.address : undefined;
    return host === undefined ? { code: e.code } : { code: e.code, host };
  }
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const found = findErrno(inner, depth + 1);
      if (found) return found;
    }
  }
  return findErrno(e.cause, depth + 1);
}

/** A fetch failure (TypeError "fetch failed") or a bare socket error, or undefined if it is neither. */
export function networkErrorToAppError(err: unknown, ctx: TranslateContext): AppError | undefined {
  const found = findErrno(err);
  if (!found) return undefined;
  const where = ctx.issuer ? ` ${ctx.issuer}` : ' the identity provider';
  if (PLAIN_HTTP_CODES.has(found.code)) {
    // The TLS handshake read an HTTP response: the URL says https:// but the server speaks plain http.
    return new AppError('TLS_FAILURE', `The TLS connection to${where} failed (${found.code}): this server speaks plain http, not https.`,
      'Use http:// in the issuer URL (allowed only for this machine: localhost, 127.0.0.1, [::1]), or the server\'s https port.',
      { cause: err, details: { errno: found.code } });
  }
  if (TLS_CODE.test(found.code)) {
    return new AppError('TLS_FAILURE', `The TLS connection to${where} failed (${found.code}).`,
      'Check the issuer URL and its certificate; behind a TLS-inspecting proxy set NODE_EXTRA_CA_CERTS to the proxy CA file.',
      { cause: err, details: { errno: found.code } });
  }
  const dns = found.code === 'ENOTFOUND' || found.code === 'EAI_AGAIN';
  return new AppError('NETWORK_UNREACHABLE', `Could not reach${where} (${found.code}).`,
    dns
      ? 'Check the spelling of the issuer URL (region and user pool id) and your DNS/network connection.'
      : 'Check your network connection, proxy and firewall, and that the issuer URL and port are right.',
    { cause: err, details: { errno: found.code, ...(found.host !== undefined && { host: found.host }) } });
}
