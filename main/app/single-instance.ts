import type { App, BrowserWindow } from 'electron';

/**
 * One app per user: a second start hands over to the first, whose window comes to the front.
 * Returns false in the second process, which then quits.
 */
export function claimSingleInstance(app: App, window: () => BrowserWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const win = window();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
