import { describe, expect, it } from 'vitest';
import { electronMock, type FakeWebContents } from '../../../support/electron-mock.js';
import { APP_URL, createMainWindow } from '../../../../main/app/window.js';

describe('main window', () => {
  it('is sandboxed and context-isolated with no Node in the renderer, loading only the app page', () => {
    createMainWindow();
    const win = electronMock.windows.at(-1)!;
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\/index\.cjs$/);
    expect([win.loaded, APP_URL]).toEqual(['app://app/index.html', 'app://app/index.html']);
  });

  it('refuses navigation away from the app and every new window', () => {
    createMainWindow();
    const wc = electronMock.windows.at(-1)!.webContents as FakeWebContents;
    const attempt = (event: string, url: string) => {
      let prevented = false;
      wc.listeners.get(event)!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', 'app://app/other.html')).toBe(true);
    expect(attempt('will-navigate', 'app://evil/index.html')).toBe(true);
    expect(attempt('will-navigate', APP_URL)).toBe(false);
    expect(wc.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
