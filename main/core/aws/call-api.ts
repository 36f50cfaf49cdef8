import { AppError } from '../errors/app-error.js';
import type { Fetch } from '../ports.js';
import { networkErrorToAppError } from '../errors/translate-network.js';

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

/** A relative URL is resolved against the profile's apiBaseUrl. */
export function resolveApiUrl(target: string, base: string | undefined, profile: string): URL {
  if (/^https?:\/\//i.test(target)) return new URL(target);
  if (!base) {
    throw new AppError('BAD_USAGE', `"${target}" is not an absolute URL and profile "${profile}" has no API base URL`,
      `give a full URL (https://...), or set one: cognito-inspector profiles edit ${profile} --api-base-url https://api.example.com/prod`);
  }
  return new URL(target.replace(/^\/+/, ''), base.endsWith('/') ? base : `${base}/`);
}

/** "Name: value" → [name, value]. */
export function parseHeader(line: string): [string, string] {
  const i = line.indexOf(':');
  if (i <= 0) throw new AppError('BAD_USAGE', `bad header "${line}"`, `write headers as -H 'Name: value'`);
  return [line.slice(0, i).trim(), line.slice(i + 1).trim()];
}

export async function sendApiRequest(req: ApiRequest, fetchImpl: Fetch = fetch): Promise<ApiResponse> {
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
