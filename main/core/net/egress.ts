import { AppError } from '../errors/app-error.js';
import type { ErrorCode } from '../errors/codes.js';
import type { Fetch } from '../ports.js';
import { isLoopbackHost } from './loopback.js';

/**
 * The one egress rule for every request that carries a secret (tokens, SigV4, the identity pool's
 * answer with an AWS secret key) or is made on behalf of an untrusted token: https, or plain http
 * only to a loopback host (the local pool, test servers). Checked before the request is made.
 */
export function isAllowedEgress(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/** The provider's fault, not the person's: its discovery document (or a redirect it sent) names a plain-http URL. */
export const PROVIDER_HTTP_HINT = 'This is the provider\'s configuration, not yours: its discovery document must list https endpoints (plain http only on this machine). Ask its operator to fix it, and check that the issuer URL is the provider\'s real one.';

const REDIRECT_HINT = 'The server redirected off https (plain http only on this machine): its configuration, not yours; the redirect was not followed. Use the final https URL if there is one, or ask the server\'s operator.';

export const EGRESS_HINT = 'Use https; plain http is allowed only to this machine (localhost, 127.0.0.1, [::1]).';

/** Parses `value` and refuses it unless the egress rule allows it; `what` names it in the message. */
export function checkEgress(value: string | URL, what: string, code: ErrorCode = 'INSECURE_ENDPOINT', hint?: string): URL {
  let url: URL;
  try {
    url = value instanceof URL ? value : new URL(value);
  } catch (cause) {
    throw new AppError('INVALID_INPUT', `${what} is not a URL: ${JSON.stringify(String(value).slice(0, 200))}`, 'Give a full https:// URL.', { cause });
  }
  if (!isAllowedEgress(url)) {
    throw new AppError(code, `${what} (${url.protocol}//${url.host}) is not https, and plain http is allowed only to this machine; no request was made`,
      hint ?? (code === 'INSECURE_PROVIDER_ENDPOINT' ? PROVIDER_HTTP_HINT : EGRESS_HINT),
      { details: { url: url.href } });
  }
  return url;
}

export const MAX_REDIRECTS = 5;

/**
 * A fetch that follows redirects itself (GET and HEAD only) and applies the egress rule to every hop
 * BEFORE requesting it: with `redirect: 'follow'` the platform would already have connected to
 * wherever a hostile server pointed (a blind request from this machine, e.g. to a cloud metadata
 * address) before we could look. At most `maxHops` redirects.
 */
export function egressCheckedFetch(base: Fetch, opts: { maxHops?: number; what?: string } = {}): Fetch {
  const maxHops = opts.maxHops ?? MAX_REDIRECTS;
  return async (input, init) => {
    let url = checkEgress(input instanceof Request ? input.url : String(input), opts.what ?? 'the URL');
    const method = (init?.method ?? 'GET').toUpperCase();
    for (let hop = 0; ; hop++) {
      const res = await base(url.href, { ...init, redirect: 'manual' });
      const location = res.headers.get('location');
      if (res.status < 300 || res.status > 399 || res.status === 304 || location === null) return res;
      await res.body?.cancel().catch(() => undefined);
      if (method !== 'GET' && method !== 'HEAD') return res;
      if (hop >= maxHops) {
        throw new AppError('HTTP_ERROR', `more than ${maxHops} redirects starting at ${String(input)}`, 'Use the final URL directly.', { details: { url: url.href } });
      }
      let next: URL;
      try {
        next = new URL(location, url);
      } catch (cause) {
        throw new AppError('HTTP_ERROR', `${url.href} redirected to an invalid URL`, 'Use the final URL directly.', { cause });
      }
      // The server chose where to send us: its fault (exit 1), unlike a URL the person gave (exit 2).
      url = checkEgress(next, `a redirect from ${url.href} to ${next.href.slice(0, 200)}`, 'INSECURE_PROVIDER_ENDPOINT', REDIRECT_HINT);
    }
  };
}
