import type { ServerResponse } from 'node:http';
import { checkAuthorize } from '../oauth/authorize-request.js';
import { csrfMatches, newCsrf } from '../http/session-cookies.js';
import { isFormContentType, parseForm, redirect, sendHtml } from '../http/respond.js';
import { signupPage } from '../pages/signup-page.js';
import { errorPage } from '../pages/error-page.js';
import { derivedSub, hashPassword } from '../state/users.js';
import { signInAndContinue } from './login.js';
import type { Route } from './types.js';

/**
 * /signup: creates a user in the pool, then continues the authorize flow signed in. (Cognito would
 * first ask for the emailed confirmation code; the emulator skips it and leaves email_verified false.)
 */
export const signupRoute: Route = async ({ ctx, req, res, url, body }) => {
  const check = checkAuthorize(ctx, url.searchParams);
  if (!check.ok) return redirect(res, check.location);
  if (!ctx.config.userPool.allowSelfSignUp || !check.request.client.identityProviders.includes('COGNITO')) {
    return sendHtml(res, 400, errorPage('SignUp is not permitted for this user pool.'));
  }
  if (req.method === 'GET' || req.method === 'HEAD') return render(res, url, {});
  if (req.method !== 'POST') return sendHtml(res, 405, errorPage(), { Allow: 'GET, POST' });
  const form = isFormContentType(req) ? parseForm(body) : new URLSearchParams();
  const username = (form.get('username') ?? '').trim();
  const email = (form.get('email') ?? '').trim();
  const password = form.get('password') ?? '';
  const again = (error: string): void => render(res, url, { username, email, error });
  if (!csrfMatches(req, form)) return again('Your session has expired. Please try again.');
  if (!/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u.test(username)) return again('Username cannot be empty and may not contain spaces.');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return again('Invalid email address format.');
  const policy = passwordProblem(password);
  if (policy !== undefined) return again(`Password did not conform with policy: ${policy}`);
  if (ctx.store.users.get(username) !== undefined) return again('User already exists');
  const user = ctx.store.users.add({
    username,
    passwordHash: hashPassword(password),
    sub: derivedSub(ctx.config.userPool.id, `${username}/${ctx.clock.now()}`),
    email,
    emailVerified: false,
    groups: [],
    attributes: {},
    status: 'CONFIRMED',
  });
  await signInAndContinue(ctx, res, check.request, user);
};

/** Cognito's default password policy: 8+ characters with upper, lower, digit and symbol. */
export function passwordProblem(p: string): string | undefined {
  if (p.length < 8) return 'Password not long enough';
  if (!/[A-Z]/.test(p)) return 'Password must have uppercase characters';
  if (!/[a-z]/.test(p)) return 'Password must have lowercase characters';
  if (!/[0-9]/.test(p)) return 'Password must have numeric characters';
  if (!/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]/.test(p)) return 'Password must have symbol characters';
  return undefined;
}

function render(res: ServerResponse, url: URL, state: { username?: string; email?: string; error?: string }): void {
  const csrf = newCsrf();
  const query = url.searchParams.toString();
  sendHtml(res, 200, signupPage({ action: `/signup?${query}`, csrf: csrf.token, signInHref: `/login?${query}`, ...state }), {
    'Set-Cookie': [csrf.cookie],
  });
}
