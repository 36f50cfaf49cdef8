import type { Fetch } from '../ports.js';
import { redactBody, redactUrl } from '../trace/redact.js';
import type { TraceSink } from '../trace/types.js';

/** Where Cognito said no: its own error page, a redirect the probe saw, the callback, or the token endpoint. */
export type RawErrorSource = 'error-page' | 'authorize-redirect' | 'authorize-page' | 'callback' | 'token-endpoint';

/** Cognito's refusal as it sent it (redacted like the Timeline: a code or token never shows). */
export interface CognitoRawError {
  error: string;
  error_description?: string;
  source: RawErrorSource;
  /** The page or redirect the error came in (error page, callback URL) or the endpoint that answered. */
  url?: string;
  status?: number;
  /** The token endpoint's body, redacted. */
  body?: string;
}

interface Seen {
  /** The token endpoint's answer, unredacted: it holds the Try's tokens, kept only in this closure. */
  token?: { status: number; text: string; url: string };
  /** The fail-fast probe's answer to the authorize URL (fetched with redirect: manual). */
  probe?: { status: number; url: string; location?: string; body?: string };
  callbackUrl?: string;
}

export interface TryCapture {
  fetch: Fetch;
  trace: TraceSink;
  /** The token endpoint's raw response text, when one came. */
  tokenResponse(): { status: number; text: string } | undefined;
  /** Cognito's own words for a refusal, from whichever step it came in (token endpoint first, then callback, then probe). */
  rawError(): CognitoRawError | undefined;
}

const isCodeGrant = (body: RequestInit['body'] | undefined) =>
  (typeof body === 'string' || body instanceof URLSearchParams) && new URLSearchParams(body.toString()).get('grant_type') === 'authorization_code';

/** The fail-fast probe (and the timeout's diagnosis) fetch the authorize URL itself: it carries the PKCE challenge. */
const isAuthorizeRequest = (url: string) => URL.canParse(url) && new URL(url).searchParams.has('code_challenge');

/**
 * Taps a Try's sign-in: the exchanges still go to `base` and `sink` (the profile's Timeline, which
 * redacts them), and this keeps what the Try's result shows: the token endpoint's raw JSON and the
 * error parameters Cognito sent. Nothing here is logged or written.
 */
export function captureTry(base: Fetch, sink: TraceSink | undefined): TryCapture {
  const seen: Seen = {};
  const fetch: Fetch = async (input, init) => {
    const res = await base(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if ((init?.method ?? 'GET').toUpperCase() === 'POST' && isCodeGrant(init?.body)) {
      seen.token = { status: res.status, url, text: await res.clone().text().catch(() => '') };
    } else if (isAuthorizeRequest(url)) {
      const location = res.headers.get('location') ?? undefined;
      const body = res.status >= 400 ? await res.clone().text().catch(() => undefined) : undefined;
      seen.probe = { status: res.status, url, ...(location !== undefined && { location }), ...(body !== undefined && { body }) };
    }
    return res;
  };
  const trace: TraceSink = {
    note(entry) {
      // The browser's step back to the listener: the callback URL with its code or error.
      if (entry.kind === 'browser' && entry.status === 302) seen.callbackUrl = entry.url;
      sink?.note(entry);
    },
  };
  return {
    fetch,
    trace,
    tokenResponse: () => (seen.token ? { status: seen.token.status, text: seen.token.text } : undefined),
    rawError: () => fromToken(seen) ?? fromCallback(seen) ?? fromProbe(seen),
  };
}

function fromToken(seen: Seen): CognitoRawError | undefined {
  const t = seen.token;
  if (!t || t.status < 400) return undefined;
  let parsed: { error?: unknown; error_description?: unknown } = {};
  try {
    parsed = JSON.parse(t.text) as typeof parsed;
  } catch {
    // not JSON: the body is shown as it came
  }
  return {
    error: typeof parsed.error === 'string' ? parsed.error : `HTTP ${t.status}`,
    ...(typeof parsed.error_description === 'string' && { error_description: parsed.error_description }),
    source: 'token-endpoint',
    url: redactUrl(t.url),
    status: t.status,
    body: redactBody(t.text),
  };
}

/** error= in the query or (response_type=token) the fragment. */
function errorParams(url: URL): { error: string; error_description?: string } | undefined {
  for (const params of [url.searchParams, new URLSearchParams(url.hash.slice(1))]) {
    const error = params.get('error');
    if (error !== null) {
      const description = params.get('error_description');
      return { error, ...(description !== null && { error_description: description }) };
    }
  }
  return undefined;
}

function fromCallback(seen: Seen): CognitoRawError | undefined {
  if (!seen.callbackUrl || !URL.canParse(seen.callbackUrl)) return undefined;
  const params = errorParams(new URL(seen.callbackUrl));
  return params && { ...params, source: 'callback', url: redactUrl(seen.callbackUrl) };
}

function fromProbe(seen: Seen): CognitoRawError | undefined {
  const p = seen.probe;
  if (!p) return undefined;
  if (p.location !== undefined && URL.canParse(p.location, p.url)) {
    const target = new URL(p.location, p.url);
    const params = errorParams(target);
    if (!params) return undefined;
    return { ...params, source: /\/error$/.test(target.pathname) ? 'error-page' : 'authorize-redirect', url: redactUrl(target.href), status: p.status };
  }
  // A provider that shows its refusal as the authorize page itself (oidc-provider: HTTP 400 with HTML).
  if (p.status >= 400 && p.status < 500) {
    const named = /\b(invalid_[a-z_]+|unauthorized_client|redirect_mismatch|access_denied)\b/.exec(p.body ?? '');
    return { error: named?.[1] ?? `HTTP ${p.status}`, source: 'authorize-page', url: redactUrl(p.url), status: p.status };
  }
  return undefined;
}
