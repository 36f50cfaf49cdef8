import { checkAuthorize, errorPageUrl, findClient } from '../oauth/authorize-request.js';
import { clearSessionCookie, currentSession } from '../http/session-cookies.js';
import { queryString, redirect } from '../http/respond.js';
import type { Route } from './types.js';

/**
 * GET /logout: clears only Cognito's session cookie (Google's session stays). Either
 * client_id + logout_uri (302 to a registered sign-out URL; other parameters ignored) or
 * client_id + redirect_uri + response_type (302 to the sign-in page).
 */
export const logoutRoute: Route = async ({ ctx, req, res, url }) => {
  const q = url.searchParams;
  const clientId = q.get('client_id') ?? undefined;
  const client = findClient(ctx, clientId);
  if (client === undefined) return redirect(res, errorPageUrl(ctx, 'Required parameters missing', clientId));
  const end = (location: string): void => {
    ctx.store.endSession(currentSession(ctx, req)?.id);
    redirect(res, location, [clearSessionCookie()]);
  };
  const logoutUri = q.get('logout_uri');
  if (logoutUri !== null) {
    if (!client.logoutUrls.includes(logoutUri)) return redirect(res, errorPageUrl(ctx, 'Required parameters missing', client.clientId));
    return end(logoutUri);
  }
  if (q.get('redirect_uri') === null || q.get('response_type') === null) {
    return redirect(res, errorPageUrl(ctx, 'Required parameters missing', client.clientId));
  }
  const check = checkAuthorize(ctx, q);
  if (!check.ok) return redirect(res, check.location);
  const login = queryString(['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method'].map((k) => [k, q.get(k) ?? undefined]));
  end(`${ctx.baseUrl}/login?${login}`);
};
