import type { EmulatorContext } from '../context.js';
import { authorizeRoute } from '../routes/authorize.js';
import { discoveryRoute, jwksRoute } from '../routes/discovery.js';
import { errorRoute } from '../routes/error.js';
import { GOOGLE_AUTH_PATH, googleAuthRoute, idpResponseRoute } from '../routes/google.js';
import { loginRoute } from '../routes/login.js';
import { logoutRoute } from '../routes/logout.js';
import { revokeRoute } from '../routes/revoke.js';
import { signupRoute } from '../routes/signup.js';
import { tokenRoute } from '../routes/token.js';
import type { Route } from '../routes/types.js';
import { userInfoRoute } from '../routes/userinfo.js';

/** Path → handler. The hosted UI sits at the root (as on a Cognito domain); discovery under /<poolId>. */
export function routeTable(ctx: EmulatorContext): Map<string, Route> {
  const pool = `/${ctx.config.userPool.id}`;
  return new Map<string, Route>([
    [`${pool}/.well-known/openid-configuration`, discoveryRoute],
    [`${pool}/.well-known/jwks.json`, jwksRoute],
    ['/oauth2/authorize', authorizeRoute],
    ['/oauth2/token', tokenRoute],
    ['/oauth2/userInfo', userInfoRoute],
    ['/oauth2/userinfo', userInfoRoute],
    ['/oauth2/revoke', revokeRoute],
    ['/oauth2/idpresponse', idpResponseRoute],
    ['/login', loginRoute],
    ['/signup', signupRoute],
    ['/logout', logoutRoute],
    ['/error', errorRoute],
    [GOOGLE_AUTH_PATH, googleAuthRoute],
  ]);
}

/** Endpoints a browser app may call cross-origin (Cognito answers them with ACAO: *). */
export const CORS_PATHS = new Set(['/oauth2/token', '/oauth2/userInfo', '/oauth2/userinfo', '/oauth2/revoke']);
