import type { EmulatorContext } from '../context.js';
import { checkAuthorize, errorRedirect, type AuthorizeRequest } from '../oauth/authorize-request.js';
import { GOOGLE_COOKIE } from '../http/session-cookies.js';
import { cookie, isFormContentType, parseCookies, parseForm, queryString, redirect, sendHtml } from '../http/respond.js';
import { errorPage } from '../pages/error-page.js';
import { googleChooserPage } from '../pages/google-page.js';
import { signInAndContinue } from './login.js';
import type { Route } from './types.js';

/** Where the simulated Google lives on the emulator (the real one is accounts.google.com). */
export const GOOGLE_AUTH_PATH = '/google/o/oauth2/v2/auth';
const GOOGLE_CLIENT_ID = 'local-google-client.apps.googleusercontent.com';

/** Cognito's silent 302 to Google, remembering the app's authorize request under `state`. */
export function googleRedirect(ctx: EmulatorContext, request: AuthorizeRequest): string {
  const key = ctx.store.startFederation(request.query.toString());
  const qs = queryString([
    ['client_id', GOOGLE_CLIENT_ID],
    ['redirect_uri', `${ctx.baseUrl}/oauth2/idpresponse`],
    ['response_type', 'code'],
    ['scope', 'openid email profile'],
    ['state', key],
    // prompt=login reaches Google as an account chooser; without it Google reuses its session.
    ['prompt', request.prompt === 'login' ? 'select_account' : undefined],
    ['login_hint', request.loginHint],
  ]);
  return `${ctx.baseUrl}${GOOGLE_AUTH_PATH}?${qs}`;
}

/** The "Google" side: account chooser, or a silent answer while Google's own session lasts. */
export const googleAuthRoute: Route = async ({ ctx, req, res, url, body }) => {
  const q = url.searchParams;
  const back = q.get('redirect_uri');
  if (back !== `${ctx.baseUrl}/oauth2/idpresponse`) return sendHtml(res, 400, errorPage('Error 400: redirect_uri_mismatch'));
  const accounts = ctx.config.userPool.google.accounts;
  const to = (pairs: [string, string | undefined][]): void => redirect(res, `${back}?${queryString(pairs)}`);
  if (req.method === 'POST') {
    const form = isFormContentType(req) ? parseForm(body) : new URLSearchParams();
    const state = form.get('state') ?? undefined;
    if (form.get('cancel') !== null) return to([['error', 'access_denied'], ['state', state]]);
    const account = accounts.find((a) => a.sub === form.get('account'));
    if (account === undefined) return sendHtml(res, 400, errorPage('Unknown Google account.'));
    const sid = ctx.store.googleSignIn(account.sub);
    res.setHeader('Set-Cookie', cookie(GOOGLE_COOKIE, sid, { maxAgeSeconds: 14 * 24 * 3600, path: '/google' }));
    return to([['code', ctx.store.issueGoogleCode(account.sub)], ['state', state]]);
  }
  const signedIn = ctx.store.googleSession(parseCookies(req).get(GOOGLE_COOKIE));
  if (signedIn !== undefined && q.get('prompt') !== 'select_account') {
    return to([['code', ctx.store.issueGoogleCode(signedIn)], ['state', q.get('state') ?? undefined]]);
  }
  sendHtml(res, 200, googleChooserPage({ action: `${GOOGLE_AUTH_PATH}?${q.toString()}`, state: q.get('state') ?? '', accounts }));
};

/** GET /oauth2/idpresponse: Google's answer comes back; the federated user is signed in. */
export const idpResponseRoute: Route = async ({ ctx, res, url }) => {
  const q = url.searchParams;
  const pending = ctx.store.takeFederation(q.get('state') ?? '');
  if (pending === undefined) return sendHtml(res, 400, errorPage('Invalid state.'));
  const check = checkAuthorize(ctx, new URLSearchParams(pending.query));
  if (!check.ok) return redirect(res, check.location);
  const request = check.request;
  const fail = (description: string, error: string): void =>
    redirect(res, errorRedirect(request.redirectUri, request.responseType === 'token', description, request.state, error));
  const googleError = q.get('error');
  if (googleError !== null) return fail(googleError, googleError === 'access_denied' ? 'access_denied' : 'invalid_request');
  const sub = ctx.store.consumeGoogleCode(q.get('code') ?? '');
  const account = ctx.config.userPool.google.accounts.find((a) => a.sub === sub);
  if (account === undefined) return fail('Google Error - 400 invalid_grant', 'invalid_request');
  const user = ctx.store.users.federatedGoogle(account, ctx.clock.now());
  await signInAndContinue(ctx, res, request, user, { federated: true });
};
