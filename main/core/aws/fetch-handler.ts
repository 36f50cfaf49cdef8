import type { Fetch } from '../ports.js';

/**
 * An AWS SDK v3 request handler that sends through a Fetch, so the SDK clients' requests go through
 * the same recorder as everything else (DESIGN "Every exchange is recorded"). Only what the JSON 1.1
 * and query protocols we use need: string or byte bodies, a body read whole.
 */
interface SdkRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

function urlOf(req: SdkRequest): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query ?? {})) {
    if (v === null) continue;
    for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  }
  const q = params.toString();
  const host = req.hostname.includes(':') && !req.hostname.startsWith('[') ? `[${req.hostname}]` : req.hostname;
  return `${req.protocol}//${host}${req.port ? `:${req.port}` : ''}${req.path}${q ? `?${q}` : ''}`;
}

/** Host and Content-Length are fetch's to set. */
const FETCH_OWNS = new Set(['host', 'content-length']);

export function fetchRequestHandler(fetchImpl: Fetch) {
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: SdkRequest, options?: { abortSignal?: AbortSignal }) {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => !FETCH_OWNS.has(k.toLowerCase())));
      const body = typeof request.body === 'string' || request.body instanceof Uint8Array ? request.body : undefined;
      const res = await fetchImpl(urlOf(request), {
        method: request.method,
        headers,
        ...(body !== undefined && request.method !== 'GET' && request.method !== 'HEAD' ? { body } : {}),
        ...(options?.abortSignal ? { signal: options.abortSignal as AbortSignal } : {}),
      });
      const responseHeaders: Record<string, string> = {};
      res.headers.forEach((v, k) => (responseHeaders[k] = v));
      return { response: { statusCode: res.status, reason: res.statusText, headers: responseHeaders, body: new Uint8Array(await res.arrayBuffer()) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
}
