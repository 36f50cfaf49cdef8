import { escapeHtml, page } from './layout.js';

export interface LoginPageModel {
  /** Form target, carrying the authorize query. */
  action: string;
  csrf: string;
  showForm: boolean;
  username?: string;
  error?: string;
  signUpHref?: string;
  googleHref?: string;
  demoUsers: { username: string; password: string }[];
}

/** The /login page: username/password form, "Sign up" link, Google button, demo credentials. */
export function loginPage(m: LoginPageModel): string {
  const parts: string[] = ['<h1>Sign in</h1>'];
  if (m.error !== undefined) parts.push(`<p class="error" id="loginErrorMessage">${escapeHtml(m.error)}</p>`);
  if (m.googleHref !== undefined) {
    parts.push(`<p><a href="${escapeHtml(m.googleHref)}" id="google-button">Continue with Google</a></p>`);
  }
  if (m.showForm) {
    parts.push(`<form method="post" action="${escapeHtml(m.action)}" id="login-form">
<input type="hidden" name="_csrf" value="${escapeHtml(m.csrf)}">
<label for="signInFormUsername">Username</label>
<input id="signInFormUsername" name="username" type="text" autocomplete="username" autocapitalize="none" required value="${escapeHtml(m.username ?? '')}">
<label for="signInFormPassword">Password</label>
<input id="signInFormPassword" name="password" type="password" autocomplete="current-password" required>
<button type="submit" name="signInSubmitButton">Sign in</button>
</form>`);
    if (m.signUpHref !== undefined) parts.push(`<p class="muted">Need an account? <a href="${escapeHtml(m.signUpHref)}">Sign up</a></p>`);
  }
  if (m.demoUsers.length > 0) {
    const rows = m.demoUsers.map((u) => `<li><code>${escapeHtml(u.username)}</code> / <code>${escapeHtml(u.password)}</code></li>`).join('');
    parts.push(`<div class="demo" id="demo-credentials"><strong>Local demo pool</strong>: sign in as<ul>${rows}</ul></div>`);
  }
  return page('Signin', parts.join('\n'));
}
