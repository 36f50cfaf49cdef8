import { clipboard, dialog, type BrowserWindow } from 'electron';
import type { ShellPorts } from '../core/ports.js';

/**
 * What the Electron shell offers the core beyond the browser: the main process writes the
 * clipboard (so AWS secrets never cross to the renderer), shows the native file picker (the
 * renderer never reads files), and brings the window to the front when a sign-in completes.
 */
export function electronShellPorts(window: () => BrowserWindow | undefined): ShellPorts {
  return {
    writeClipboard(text: string) {
      clipboard.writeText(text);
    },
    async pickFile(options) {
      const win = window();
      const opts = { title: options.title, properties: ['openFile' as const], filters: [{ name: options.title, extensions: options.extensions }] };
      const result = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return result.canceled ? undefined : result.filePaths[0];
    },
    focusWindow() {
      const win = window();
      if (!win) return;
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    },
  };
}
