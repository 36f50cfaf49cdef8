import { session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/security/content-security-policy.js';

/**
 * Window hardening in one place: a strict CSP on every response, no permissions, no navigation away
 * from the app, no new windows. Links the user clicks go to the system browser via shell.openExternal
 * only through the sign-in flow, never from renderer-supplied URLs.
 */
export { CONTENT_SECURITY_POLICY };

export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function lockNavigation(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== appUrl) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (url !== appUrl) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** A sender is trusted when it is our window and the calling frame is the app page itself. */
export function isTrustedSender(expected: () => WebContents | undefined, appUrl: string) {
  return (sender: WebContents, frameUrl: string | undefined): boolean => sender === expected() && frameUrl === appUrl;
}
