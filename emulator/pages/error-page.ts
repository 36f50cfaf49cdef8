import { escapeHtml, page } from './layout.js';

/** Cognito's generic error page (served with HTTP 400). */
export function errorPage(detail?: string): string {
  const more = detail === undefined ? '' : `<p class="muted" id="error-detail">${escapeHtml(detail)}</p>`;
  return page('Error', `<h1>An error was encountered with the requested page.</h1>${more}`);
}
