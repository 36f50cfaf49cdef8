import { BrowserWindow } from 'electron';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_URL } from './app-protocol.js';
import { lockNavigation } from './security.js';

const here = fileURLToPath(new URL('.', import.meta.url));
export const RENDERER_INDEX = fileURLToPath(new URL('../../renderer/index.html', import.meta.url));
/** The built renderer, served as app://app/ (main/app/app-protocol.ts). */
export const RENDERER_DIR = dirname(RENDERER_INDEX);
export { APP_URL };

/** The main window: sandboxed, context-isolated, no Node in the renderer, only the preload's bridge. */
export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1180,
    height: 820,
    title: 'Cognito Inspector',
    show: false,
    webPreferences: {
      preload: `${here}../../preload/index.cjs`,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      // Middle-click must not open links in new windows (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  lockNavigation(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}
