import type { Exchange } from './types.js';

/**
 * The timeline as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), which browsers'
 * developer tools and HAR viewers open. Every field the spec requires is present; values not
 * measured are -1 as it says. Built from recorded exchanges, so already redacted.
 */
export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: never[];
    entries: HarEntry[];
  };
}

interface NameValue { name: string; value: string }

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string; url: string; httpVersion: string; cookies: NameValue[]; headers: NameValue[];
    queryString: NameValue[]; postData?: { mimeType: string; text: string }; headersSize: number; bodySize: number;
  };
  response: {
    status: number; statusText: string; httpVersion: string; cookies: NameValue[]; headers: NameValue[];
    content: { size: number; mimeType: string; text?: string }; redirectURL: string; headersSize: number; bodySize: number;
    _error?: string;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment?: string;
}

const pairs = (headers: Array<[string, string]>): NameValue[] => headers.map(([name, value]) => ({ name, value }));

/** Query parameters as they appear in the (redacted) URL, decoded where that is possible. */
function queryOf(url: string): NameValue[] {
  const q = url.split('#')[0]!.split('?')[1];
  if (!q) return [];
  return q.split('&').filter(Boolean).map((p) => {
    const i = p.indexOf('=');
    const [n, v] = i < 0 ? [p, ''] : [p.slice(0, i), p.slice(i + 1)];
    return { name: decode(n), value: decode(v) };
  });
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

export function toHarEntry(e: Exchange): HarEntry {
  const resHeaders = e.response?.headers ?? [];
  const body = e.response?.body;
  const location = resHeaders.find(([k]) => k.toLowerCase() === 'location')?.[1] ?? '';
  const time = Math.max(0, e.durationMs);
  return {
    startedDateTime: new Date(e.startedAt).toISOString(),
    time,
    request: {
      method: e.method,
      url: e.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(e.request.headers),
      queryString: queryOf(e.url),
      ...(e.request.body !== undefined ? { postData: { mimeType: e.request.mimeType ?? '', text: e.request.body } } : {}),
      headersSize: -1,
      bodySize: e.request.body !== undefined ? Buffer.byteLength(e.request.body) : 0,
    },
    response: {
      status: e.status ?? 0,
      statusText: e.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(resHeaders),
      content: { size: body !== undefined ? Buffer.byteLength(body) : 0, mimeType: e.response?.mimeType ?? '', ...(body !== undefined ? { text: body } : {}) },
      redirectURL: location,
      headersSize: -1,
      bodySize: body !== undefined ? Buffer.byteLength(body) : -1,
      ...(e.error !== undefined ? { _error: e.error } : {}),
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    ...(harComment(e) ? { comment: harComment(e) } : {}),
  };
}

function harComment(e: Exchange): string | undefined {
  const parts = [
    ...(e.context ? [`${e.context}`] : []),
    ...(e.kind === 'browser' ? ['seen by the loopback listener (a browser navigation, not a request this program made)'] : []),
  ];
  return parts.length ? parts.join('; ') : undefined;
}

export function toHar(exchanges: Exchange[], version: string): Har {
  return { log: { version: '1.2', creator: { name: 'cognito-inspector', version }, pages: [], entries: exchanges.map(toHarEntry) } };
}
