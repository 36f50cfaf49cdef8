import { describe, expect, it } from 'vitest';
import { electronMock } from '../../../support/electron-mock.js';
import { CONTENT_SECURITY_POLICY, hardenSession, isTrustedSender, type SenderFrame } from '../../../../main/app/security.js';
import { electronBrowser } from '../../../../main/app/browser-opener.js';

describe('session hardening', () => {
  it('adds a strict CSP to every response and grants no permission', () => {
    hardenSession();
    let headers: Record<string, string[]> = {};
    electronMock.headerHook!({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    let granted: boolean | undefined;
    electronMock.permissionHandler!({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
  });

  it('opens only http(s) URLs in the system browser', async () => {
    await electronBrowser.open('https://auth.example.com/oauth2/authorize?x=1');
    await expect(electronBrowser.open('file:///etc/passwd')).rejects.toMatchObject({ code: 'BROWSER_FAILED' });
    expect(electronMock.opened).toEqual(['https://auth.example.com/oauth2/authorize?x=1']);
  });
});

type WebContents = Parameters<ReturnType<typeof isTrustedSender>>[0];

describe('isTrustedSender (the check every IPC handler runs)', () => {
  // Stand-ins for Electron's WebContents and WebFrameMain: only identity, url, parent and detached matter.
  const mainFrame = (url: string, extra: Partial<SenderFrame> = {}): SenderFrame => ({ url, parent: null, ...extra });
  const ours = { id: 1 } as unknown as WebContents;
  const other = { id: 2 } as unknown as WebContents;
  let current: WebContents | undefined = ours;
  const trusted = isTrustedSender(() => current);
  const APP = 'app://app/index.html';

  it.each<[string, WebContents, SenderFrame | null | undefined, boolean]>([
    ['our window, main frame, the app page', ours, mainFrame(APP), true],
    ['our window, the app page with a route fragment', ours, mainFrame(`${APP}#/tokens`), true],
    ['another window showing the same page', other, mainFrame(APP), false],
    ['a same-window subframe showing the app page', ours, { url: APP, parent: mainFrame(APP) as never }, false],
    ['a same-window subframe showing another page', ours, { url: 'https://evil.example/', parent: mainFrame(APP) as never }, false],
    ['our main frame navigated away to a web page', ours, mainFrame('https://evil.example/'), false],
    ['our main frame navigated to a local file (the old file:// page)', ours, mainFrame('file:///opt/app/renderer/index.html'), false],
    ['a frame detached by navigation', ours, mainFrame(APP, { detached: true }), false],
    ['a frame that is gone (senderFrame null)', ours, null, false],
    ['another app:// host', ours, mainFrame('app://evil/index.html'), false],
  ])('%s', (_label, sender, frame, want) => {
    expect(trusted(sender, frame)).toBe(want);
  });

  it('trusts nobody once the window is closed', () => {
    current = undefined;
    expect(trusted(ours, mainFrame(APP))).toBe(false);
    current = ours;
  });
});
