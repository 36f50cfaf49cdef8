import { shell } from 'electron';
import type { BrowserOpener } from '../core/ports.js';
import { AppError } from '../core/errors/app-error.js';

/** The system browser, for the hosted UI. Only http(s) URLs built by core ever reach it. */
export const electronBrowser: BrowserOpener = {
  async open(url: string) {
    const protocol = new URL(url).protocol;
    if (protocol !== 'http:' && protocol !== 'https:') throw new AppError('BROWSER_FAILED', `refusing to open a ${protocol} URL`, 'only http(s) URLs are opened');
    await shell.openExternal(url, { activate: true });
  },
};
