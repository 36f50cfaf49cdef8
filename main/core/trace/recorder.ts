import type { Clock, Fetch } from '../ports.js';
import { redactBody, redactHeaders, redactText, redactUrl } from './redact.js';
import type { Exchange, TraceSink } from './types.js';

/**
 * The one recorder of HTTP exchanges (DESIGN "Every exchange is recorded, redacted"). It wraps the
 * Fetch that openid-client, the AWS SDK clients (through fetch-handler.ts) and `call` are given, and
 * takes notes from the loopback listener. Requests and responses are redacted here, before they
 * are kept or passed to a listener; nothing unredacted leaves this file.
 */
export interface Recorder extends TraceSink {
  /** A Fetch that records every exchange made through `base` (for `profile`, if given). */
  wrap(base: Fetch, meta?: { profile?: string; context?: string }): Fetch;
  /** Oldest first. */
  list(profile?: string): Exchange[];
  /** Called once per exchange, when it has completed. */
  subscribe(listener: (e: Exchange) => void): () => void;
  clear(): void;
}

export interface RecorderOptions {
  clock: Clock;
  /** Monotonic ms for durations; default performance.now. */
  monotonic?: () => number;
  /** Exchanges kept (oldest dropped first); default 500. */
  limit?: number;
  /** Longest body kept, in characters; default 64 KiB. */
  maxBodyChars?: number;
}

const mimeOf = (headers: Array<[string, string]>) => headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];

export function createRecorder(opts: RecorderOptions): Recorder {
  const monotonic = opts.monotonic ?? (() => performance.now());
  const limit = opts.limit ?? 500;
  const maxBody = opts.maxBodyChars ?? 64 * 1024;
  const kept: Exchange[] = [];
  const listeners = new Set<(e: Exchange) => void>();
  let nextId = 1;

  const clip = (body: string) => (body.length > maxBody ? `${body.slice(0, maxBody)}… (${body.length - maxBody} more characters)` : body);
  const bodyText = (raw: string | undefined, mime: string | undefined) => (raw === undefined || raw === '' ? undefined : clip(redactBody(raw, mime)));

  function keep(e: Exchange): void {
    kept.push(e);
    if (kept.length > limit) kept.splice(0, kept.length - limit);
    for (const l of listeners) l(e);
  }

  return {
    note(entry) {
      keep({
        ...entry,
        id: nextId++,
        url: redactUrl(entry.url),
        request: { ...entry.request, headers: redactHeaders(entry.request.headers), ...(entry.request.body !== undefined ? { body: redactBody(entry.request.body, entry.request.mimeType) } : {}) },
        ...(entry.response ? { response: { ...entry.response, headers: redactHeaders(entry.response.headers), ...(entry.response.body !== undefined ? { body: redactBody(entry.response.body, entry.response.mimeType) } : {}) } } : {}),
      });
    },
    wrap(base, meta = {}) {
      return async (input, init) => {
        const id = nextId++;
        const startedAt = opts.clock.now();
        const t0 = monotonic();
        const req = input instanceof Request ? input : undefined;
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const method = (init?.method ?? req?.method ?? 'GET').toUpperCase();
        const reqHeaders = [...new Headers(init?.headers ?? req?.headers).entries()];
        const reqMime = mimeOf(reqHeaders) ?? (init?.body instanceof URLSearchParams ? 'application/x-www-form-urlencoded' : undefined);
        const request = {
          headers: redactHeaders(reqHeaders),
          ...(reqMime ? { mimeType: reqMime } : {}),
          ...optional('body', bodyText(requestBody(init?.body), reqMime)),
        };
        const base_ = { id, ...(meta.profile ? { profile: meta.profile } : {}), ...(meta.context ? { context: meta.context } : {}), kind: 'fetch' as const, startedAt, method, url: redactUrl(url), request };
        let res: Response;
        try {
          res = await base(input, init);
        } catch (err) {
          keep({ ...base_, durationMs: monotonic() - t0, error: redactText(err instanceof Error ? `${err.name}: ${err.message}` : String(err)) });
          throw err;
        }
        const resHeaders = [...res.headers.entries()];
        const resMime = mimeOf(resHeaders);
        // The body is read from a clone; the caller gets the response untouched.
        const text = await res.clone().text().catch(() => undefined);
        keep({
          ...base_,
          durationMs: monotonic() - t0,
          status: res.status,
          ...(res.statusText ? { statusText: res.statusText } : {}),
          response: { headers: redactHeaders(resHeaders), ...(resMime ? { mimeType: resMime } : {}), ...optional('body', bodyText(text, resMime)) },
        });
        return res;
      };
    },
    list(profile) {
      return profile === undefined ? [...kept] : kept.filter((e) => e.profile === profile);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      kept.length = 0;
    },
  };
}

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** The request bodies our callers send: strings, form parameters, bytes. Streams are not read. */
function requestBody(body: RequestInit['body'] | undefined): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  if (body instanceof ArrayBuffer) return new TextDecoder().decode(new Uint8Array(body));
  return '(body not recorded)';
}
