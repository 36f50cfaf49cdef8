import { checkAuthorize } from '../oauth/authorize-request.js';
import { completeSignIn } from '../oauth/complete.js';
import { currentSession } from '../http/session-cookies.js';
import { redirect, sendHtml } from '../http/respond.js';
import { errorPage } from '../pages/error-page.js';
import { googleRedirect } from './google.js';
import type { Route } from './types.js';

/**
 * GET /oauth2/authorize: validate, then either go straight to the IdP (identity_provider), finish
 * at once on a live hosted-UI session (unless prompt=login), or send the browser to /login.
 */
export const authorizeRoute: Route = async ({ ctx, req, res, url }) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendHtml(res, 405, errorPage(), { Allow: 'GET' });
  const check = checkAuthorize(ctx, url.searchParams);
  if (!check.ok) return redirect(res, check.location);
  const request = check.request;
  if (request.identityProvider === 'Google') return redirect(res, googleRedirect(ctx, request));
  const live = currentSession(ctx, req);
  if (live !== undefined && request.prompt !== 'login') {
    const user = ctx.store.users.get(live.session.username);
    if (user !== undefined) return redirect(res, await completeSignIn(ctx, request, user, live.session.authTime));
  }
  redirect(res, `${ctx.baseUrl}/login${url.search}`);
};
