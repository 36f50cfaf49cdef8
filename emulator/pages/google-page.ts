import { escapeHtml, page } from './layout.js';

export interface GoogleChooserModel {
  action: string;
  state: string;
  accounts: { sub: string; email: string; name: string }[];
}

/** The simulated Google account chooser: one button per configured account, and Cancel. */
export function googleChooserPage(m: GoogleChooserModel): string {
  const buttons = m.accounts
    .map(
      (a) =>
        `<button type="submit" name="account" value="${escapeHtml(a.sub)}">${escapeHtml(a.name === '' ? a.email : a.name)} &lt;${escapeHtml(a.email)}&gt;</button>`,
    )
    .join('\n');
  const none = m.accounts.length === 0 ? '<p class="error">No Google accounts are configured (userPool.google.accounts).</p>' : '';
  return page(
    'Sign in - Google Accounts',
    `<h1>Choose an account</h1><p class="muted">to continue to the local Cognito pool (simulated Google)</p>${none}
<form method="post" action="${escapeHtml(m.action)}" id="google-chooser">
<input type="hidden" name="state" value="${escapeHtml(m.state)}">
${buttons}
<button type="submit" name="cancel" value="1">Cancel</button>
</form>`,
  );
}
