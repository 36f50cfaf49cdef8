import type { ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context.js';
import { nowSeconds } from '../context.js';
import { checkAuthorize, type AuthorizeRequest } from '../oauth/authorize-request.js';
import { completeSignIn } from '../oauth/complete.js';
import { csrfMatches, currentSession, newCsrf, sessionCookie } from '../http/session-cookies.js';
import { isFormContentType, parseForm, redirect, sendHtml } from '../http/respond.js';
import { loginPage } from '../pages/login-page.js';
import { errorPage } from '../pages/error-page.js';
import { passwordMatches, type PoolUser } from '../state/users.js';
import type { Route } from './types.js';

/** /login takes every /oauth2/authorize parameter and checks them the same way. */
export const loginRoute: Route = async ({ ctx, req, res, url, body }) => {
  const check = checkAuthorize(ctx, url.searchParams);
  if (!check.ok) return redirect(res, check.location);
  const request = check.request;
  if (req.method === 'GET' || req.method === 'HEAD') {
    const live = currentSession(ctx, req);
    const user = live === undefined ? undefined : ctx.store.users.get(live.session.username);
    if (live !== undefined && user !== undefined && request.prompt !== 'login') {
      return redirect(res, await completeSignIn(ctx, request, user, live.session.authTime));
    }
    return renderLogin(ctx, res, request, url, {});
  }
  if (req.method !== 'POST') return sendHtml(res, 405, errorPage(), { Allow: 'GET, POST' });
  if (!request.client.identityProviders.includes('COGNITO')) return sendHtml(res, 400, errorPage('Login option is not available.'));
  const form = isFormContentType(req) ? parseForm(body) : new URLSearchParams();
  const username = form.get('username') ?? '';
  if (!csrfMatches(req, form)) return renderLogin(ctx, res, request, url, { username, error: 'Your session has expired. Please try again.' });
  const user = ctx.store.users.get(username);
  if (user === undefined || !passwordMatches(user, form.get('password') ?? '')) {
    return renderLogin(ctx, res, request, url, { username, error: 'Incorrect username or password.' });
  }
  await signInAndContinue(ctx, res, request, user);
};

/** Starts a fresh 1-hour hosted-UI session for the user and redirects back to the app. */
export async function signInAndContinue(
  ctx: EmulatorContext,
  res: ServerResponse,
  request: AuthorizeRequest,
  user: PoolUser,
  opts: { federated?: boolean } = {},
): Promise<void> {
  const authTime = nowSeconds(ctx);
  const sessionId = ctx.store.createSession(user.username, authTime);
  const location = await completeSignIn(ctx, request, user, authTime, opts);
  redirect(res, location, [sessionCookie(sessionId)]);
}

function renderLogin(
  ctx: EmulatorContext,
  res: ServerResponse,
  request: AuthorizeRequest,
  url: URL,
  state: { username?: string; error?: string },
): void {
  const csrf = newCsrf();
  const query = url.searchParams.toString();
  const pool = ctx.config.userPool;
  const cognito = request.client.identityProviders.includes('COGNITO');
  const google = request.client.identityProviders.includes('Google') && pool.google.enabled;
  const googleQuery = new URLSearchParams(url.searchParams);
  googleQuery.set('identity_provider', 'Google');
  const html = loginPage({
    action: `/login?${query}`,
    csrf: csrf.token,
    showForm: cognito,
    username: state.username ?? request.loginHint,
    ...(state.error !== undefined ? { error: state.error } : {}),
    ...(cognito && pool.allowSelfSignUp ? { signUpHref: `/signup?${query}` } : {}),
    ...(google ? { googleHref: `/oauth2/authorize?${googleQuery.toString()}` } : {}),
    demoUsers: pool.showDemoCredentials ? pool.users.map((u) => ({ username: u.username, password: u.password })) : [],
  });
  sendHtml(res, 200, html, { 'Set-Cookie': [csrf.cookie] });
}
