import type { EmulatorContext } from '../context.js';
import { sendJson } from '../http/respond.js';
import type { PoolUser } from '../state/users.js';
import { verifyAccessToken } from '../tokens/verify.js';
import type { Route } from './types.js';

const BAD_REQUEST = 'error="invalid_request", error_description="Bad OAuth2 request at UserInfo Endpoint"';
const BAD_TOKEN = 'Access token is expired, disabled, or deleted, or the user has globally signed out.';

/** GET|POST /oauth2/userInfo with a Bearer access token carrying openid. */
export const userInfoRoute: Route = async ({ ctx, req, res }) => {
  if (req.method !== 'GET' && req.method !== 'POST') {
    return sendJson(res, 405, { error: 'invalid_request' }, { Allow: 'GET, POST' });
  }
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (m?.[1] === undefined) {
    return sendJson(
      res,
      400,
      { error: 'invalid_request', error_description: 'Bad OAuth2 request at UserInfo Endpoint' },
      { 'WWW-Authenticate': BAD_REQUEST },
    );
  }
  const check = await verifyAccessToken({ ...ctx, isRevoked: (j) => ctx.store.isRevoked(j) }, m[1]);
  const username = check.ok ? check.claims.username : undefined;
  const scopes = check.ok && typeof check.claims.scope === 'string' ? check.claims.scope.split(' ') : [];
  const user = typeof username === 'string' ? ctx.store.users.get(username) : undefined;
  if (!check.ok || user === undefined || !scopes.includes('openid')) {
    return sendJson(
      res,
      401,
      { error: 'invalid_token', error_description: BAD_TOKEN },
      { 'WWW-Authenticate': `error="invalid_token", error_description="${BAD_TOKEN}"` },
    );
  }
  sendJson(res, 200, userInfo(ctx, user, scopes));
};

/**
 * The user's attributes as userInfo gives them: every value a string (email_verified "true"),
 * plus username; `identities` as a JSON string. email/phone/profile scopes narrow what comes back;
 * openid alone or aws.cognito.signin.user.admin give everything.
 */
export function userInfo(_ctx: EmulatorContext, user: PoolUser, scopes: string[]): Record<string, string> {
  const all: Record<string, string> = { sub: user.sub, ...user.attributes };
  if (user.identities !== undefined) {
    all.identities = JSON.stringify(
      user.identities.map((i) => ({ ...i, issuer: null, primary: true })),
    );
  }
  if (user.email !== undefined) {
    all.email_verified = String(user.emailVerified);
    all.email = user.email;
  }
  const narrow = ['email', 'phone', 'profile'].some((s) => scopes.includes(s)) && !scopes.includes('aws.cognito.signin.user.admin');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) {
    if (!narrow || k === 'sub' || allowedBy(k, scopes)) out[k] = v;
  }
  out.username = user.username;
  return out;
}

function allowedBy(attr: string, scopes: string[]): boolean {
  if (attr === 'email' || attr === 'email_verified') return scopes.includes('email');
  if (attr === 'phone_number' || attr === 'phone_number_verified') return scopes.includes('phone');
  return scopes.includes('profile');
}
