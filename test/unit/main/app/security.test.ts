import { describe, expect, it } from 'vitest';
import { electronMock } from '../../../support/electron-mock.js';
import { CONTENT_SECURITY_POLICY, hardenSession } from '../../../../main/app/security.js';
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
