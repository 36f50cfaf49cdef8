import { sendHtml } from '../http/respond.js';
import { errorPage } from '../pages/error-page.js';
import type { Route } from './types.js';

/** GET /error?error=...: Cognito's error page, always HTTP 400. */
export const errorRoute: Route = async ({ res, url }) => {
  const error = url.searchParams.get('error') ?? undefined;
  const detail =
    error === 'redirect_mismatch'
      ? 'redirect_mismatch: the redirect_uri is not one of the app client\'s callback URLs (exact match, including port and trailing slash).'
      : error === 'Required parameters missing'
        ? "Required String parameter 'redirect_uri' is not present"
        : error;
  sendHtml(res, 400, errorPage(detail));
};
