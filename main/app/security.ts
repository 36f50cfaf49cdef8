import { session, type WebContents, type WebFrameMain } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/security/content-security-policy.js';
import { isAppPage } from './app-protocol.js';

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

/** The window may show the app page (app://app/index.html) and nothing else, in itself or a new window. */
export function lockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppPage(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** What an IPC event says about its sender; `frame` is null once the frame navigated away or closed. */
export type SenderFrame = Pick<WebFrameMain, 'url' | 'parent'> & { detached?: boolean };

/**
 * A sender is trusted when it is our window (not another one), the calling frame is its main frame
 * (not a subframe, whatever that loaded), still attached (not navigated away), and showing the app
 * page from app://app/ (not anything the window was made to load).
 */
export function isTrustedSender(expected: () => WebContents | undefined) {
  return (sender: WebContents, frame: SenderFrame | null | undefined): boolean => {
    const ours = expected();
    return ours !== undefined && sender === ours && frame != null && frame.parent === null && frame.detached !== true && isAppPage(frame.url);
  };
}
