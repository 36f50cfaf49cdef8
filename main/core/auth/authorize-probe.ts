import { AppError } from '../errors/app-error.js';
import { clip, type TranslateContext } from '../errors/translate-context.js';
import { oauthErrorToAppError } from '../errors/translate-oauth.js';

/**
 * Cognito refuses a bad client id or an unregistered redirect URI on its own error page
 * (`302 /error?error=redirect_mismatch`), which the app never hears about, and most other refusals
 * with an error redirect the browser may take a while to deliver. One request for the authorize URL
 * (no cookies, redirects not followed) sees the same answer within a round trip, so the sign-in can
 * fail at once instead of after the whole timeout. Returns the refusal, or undefined when the
 * provider goes on to a sign-in page (or cannot be asked: the browser's round trip still decides).
 */
export async function probeAuthorize(opts: {
  authorizeUrl: string;
  redirectUri: string;
  fetch: typeof fetch;
  signal: AbortSignal;
  context: TranslateContext;
}): Promise<AppError | undefined> {
  let res: Response;
  try {
    res = await opts.fetch(opts.authorizeUrl, { redirect: 'manual', signal: AbortSignal.any([opts.signal, AbortSignal.timeout(10_000)]) });
  } catch {
    return undefined;
  }
  const location = res.headers.get('location');
  if (location === null || res.status < 300 || res.status >= 400) {
    const body = res.status >= 400 && res.status < 500 ? await res.text().catch(() => '') : (await res.body?.cancel(), '');
    return directRefusal(res.status, body, opts.context);
  }
  await res.body?.cancel();
  let target: URL;
  try {
    target = new URL(location, opts.authorizeUrl);
  } catch {
    return undefined;
  }
  const error = target.searchParams.get('error') ?? new URLSearchParams(target.hash.slice(1)).get('error');
  if (!error) return undefined;
  const description = target.searchParams.get('error_description') ?? new URLSearchParams(target.hash.slice(1)).get('error_description') ?? undefined;
  const toCallback = sameEndpoint(target, opts.redirectUri);
  if (toCallback) return oauthErrorToAppError(error, description, { ...opts.context, stage: 'authorize' }, undefined);
  if (!/\/error$/.test(target.pathname)) return undefined;
  return errorPageRefusal(error, target.searchParams.get('client_id') ?? undefined, opts.context);
}

function sameEndpoint(target: URL, redirectUri: string): boolean {
  try {
    const r = new URL(redirectUri);
    return target.origin === r.origin && target.pathname === r.pathname;
  } catch {
    return false;
  }
}

/** Cognito's /error page: redirect_mismatch, or invalid_request for a client id the pool does not have. */
function errorPageRefusal(error: string, clientId: string | undefined, ctx: TranslateContext): AppError {
  const details = { error, errorPage: true, ...(clientId !== undefined && { clientId }) };
  if (error === 'redirect_mismatch') {
    const e = oauthErrorToAppError('redirect_mismatch', undefined, { ...ctx, stage: 'authorize' }, undefined);
    return new AppError(e.code, e.message, e.hint, { details: { ...e.details, ...details } });
  }
  if (error === 'invalid_request') {
    return new AppError('INVALID_CLIENT', `The user pool has no app client with the id ${ctx.clientId ?? '(none)'} (Cognito's error page: invalid_request).`,
      `Check the client id (--client-id) against the user pool's App clients list, and that the issuer names the pool it belongs to${ctx.issuer ? ` (${ctx.issuer})` : ''}.`,
      { details });
  }
  return new AppError('INVALID_REQUEST', `The identity provider refused the sign-in request on its error page (${clip(error)}).`,
    'Check the issuer, client id, redirect URI and extra authorize parameters of the profile.', { details });
}

/** A provider that renders its refusal directly (oidc-provider: HTTP 400 naming the error). */
function directRefusal(status: number, body: string, ctx: TranslateContext): AppError | undefined {
  if (status < 400 || status >= 500) return undefined;
  const text = body.slice(0, 20_000);
  if (/\b(redirect_mismatch|invalid_redirect_uri)\b/.test(text)) return oauthErrorToAppError('redirect_mismatch', undefined, { ...ctx, stage: 'authorize' }, undefined);
  if (/\binvalid_client\b/.test(text)) {
    return new AppError('INVALID_CLIENT', `The identity provider does not know the client id ${ctx.clientId ?? '(none)'} (HTTP ${status} at the authorize endpoint).`,
      'Check the client id (--client-id) and the issuer it is registered with.', { details: { status } });
  }
  return undefined;
}
