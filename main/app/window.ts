import { BrowserWindow } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lockNavigation } from './security.js';

const here = fileURLToPath(new URL('.', import.meta.url));
export const RENDERER_INDEX = fileURLToPath(new URL('../../renderer/index.html', import.meta.url));
export const APP_URL = pathToFileURL(RENDERER_INDEX).href;

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
  lockNavigation(win.webContents, APP_URL);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}
