import { escapeHtml, page } from './layout.js';

export interface SignupPageModel {
  action: string;
  csrf: string;
  signInHref: string;
  username?: string;
  email?: string;
  error?: string;
}

export function signupPage(m: SignupPageModel): string {
  const error = m.error === undefined ? '' : `<p class="error" id="signupErrorMessage">${escapeHtml(m.error)}</p>`;
  return page(
    'Signup',
    `<h1>Sign up with a new account</h1>${error}
<form method="post" action="${escapeHtml(m.action)}" id="signup-form">
<input type="hidden" name="_csrf" value="${escapeHtml(m.csrf)}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocapitalize="none" required value="${escapeHtml(m.username ?? '')}">
<label for="email">Email</label>
<input id="email" name="email" type="email" required value="${escapeHtml(m.email ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required>
<button type="submit" name="signUpButton">Sign up</button>
</form>
<p class="muted">Already have an account? <a href="${escapeHtml(m.signInHref)}">Sign in</a></p>`,
  );
}
