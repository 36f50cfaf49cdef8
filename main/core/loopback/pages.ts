import type { ErrorInfo } from '../errors/app-error.js';

/** The pages the browser sees. Static HTML, no script, nothing from the request echoed unescaped. */

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:16px system-ui,sans-serif;max-width:40em;margin:4em auto;padding:0 1em;color:#222}
code{background:#eee;padding:.1em .3em}.hint{border-left:4px solid #c80;padding-left:1em}</style></head>
<body>${body}</body></html>`;
}

export function successPage(): string {
  return page('Signed in', '<h1>Signed in</h1><p>Cognito Inspector received and verified your tokens. You can close this tab.</p>');
}

export function errorPage(error: ErrorInfo): string {
  return page('Sign-in failed', `<h1>Sign-in failed</h1><p><code>${escape(error.code)}</code> ${escape(error.message)}</p>
<p class="hint">${escape(error.hint)}</p><p>You can close this tab and try again.</p>`);
}

export function notFoundPage(reason: string): string {
  return page('Not found', `<h1>Not found</h1><p>${escape(reason)}</p>`);
}

export function refusedPage(reason: string): string {
  return page('Refused', `<h1>Refused</h1><p>${escape(reason)}</p>`);
}

export function signedOutPage(): string {
  return page('Signed out', '<h1>Signed out</h1><p>The hosted UI session has ended and Cognito Inspector forgot this profile\'s session. You can close this tab.</p>');
}
