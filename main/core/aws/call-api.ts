import { AppError } from '../errors/app-error.js';
import type { Fetch } from '../ports.js';
import { networkErrorToAppError } from '../errors/translate-network.js';
import { checkEgress } from '../net/egress.js';

/** `call`: one HTTP request to an API protected by the pool, and what came back. */
export interface ApiRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export interface ApiResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

/**
 * A relative URL is resolved against the profile's apiBaseUrl and must stay on its origin: `//host/x`,
 * `\\host/x` and `/\host` are host-relative to a URL parser and would send the token elsewhere. Any
 * target, absolute or not, must pass the egress rule (https, or http on loopback), checked before
 * any token or credential is fetched for it.
 */
export function resolveApiUrl(target: string, base: string | undefined, profile: string): URL {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return checkEgress(target, `the URL ${JSON.stringify(target.slice(0, 200))}`);
  if (!base) {
    throw new AppError('BAD_USAGE', `"${target}" is not an absolute URL and profile "${profile}" has no API base URL`,
      `give a full URL (https://...), or set one: cognito-inspector profiles edit ${profile} --api-base-url https://api.example.com/prod`);
  }
  const baseUrl = checkEgress(base, `profile "${profile}"'s API base URL`);
  const url = new URL(target.replace(/^\/+/, ''), baseUrl.href.endsWith('/') ? baseUrl.href : `${baseUrl.href}/`);
  if (url.origin !== baseUrl.origin) {
    throw new AppError('INSECURE_ENDPOINT', `the relative target ${JSON.stringify(target.slice(0, 200))} resolves to ${url.origin}, not the API base URL's ${baseUrl.origin}; nothing was sent`,
      `relative targets stay on ${baseUrl.origin}; to call another host, give its full https:// URL`, { details: { url: url.href } });
  }
  return url;
}

/** "Name: value" → [name, value]. */
export function parseHeader(line: string): [string, string] {
  const i = line.indexOf(':');
  if (i <= 0) throw new AppError('BAD_USAGE', `bad header "${line}"`, `write headers as -H 'Name: value'`);
  return [line.slice(0, i).trim(), line.slice(i + 1).trim()];
}

/** Sends the request as given (no redirects followed: a redirect is printed, never re-sent with the token). */
export async function sendApiRequest(req: ApiRequest, fetchImpl: Fetch = fetch): Promise<ApiResponse> {
  // Checked again where the secret leaves, whatever built the request.
  checkEgress(req.url, `the URL ${req.url.href.slice(0, 200)}`);
  let res: Response;
  try {
    res = await fetchImpl(req.url, { method: req.method, headers: req.headers, redirect: 'manual', ...(req.body !== undefined ? { body: req.body } : {}) });
  } catch (err) {
    const net = networkErrorToAppError(err, { issuer: req.url.origin });
    if (net) throw new AppError(net.code, `Could not reach ${req.url.origin} (${String(net.details?.errno ?? 'network error')}).`, 'Check the URL (or the profile\'s --api-base-url) and your network.', { cause: err });
    throw new AppError('HTTP_ERROR', `The request to ${req.url.origin} failed.`, 'Check the URL; run with --debug for details.', { cause: err });
  }
  return { status: res.status, statusText: res.statusText, headers: [...res.headers.entries()], body: await res.text() };
}
