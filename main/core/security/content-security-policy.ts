/**
 * The window's Content-Security-Policy, one policy for both shells: the Electron shell sets it on
 * every response of its session, the browser shell (main/web) on every page it serves. Only our own
 * scripts and styles; nothing framed, no forms, no base rewriting.
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * The browser shell's bridge talks to its own origin over fetch (invokes and the event stream), so
 * it alone gets `connect-src 'self'`; everything else is the window's policy unchanged.
 */
export const WEB_SHELL_CONTENT_SECURITY_POLICY = DIRECTIVES.map((d) => (d.startsWith('connect-src ') ? "connect-src 'self'" : d)).join('; ');
