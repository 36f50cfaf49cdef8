import open from 'open';
import type { BrowserOpener } from '../../core/ports.js';
import { AppError } from '../../core/errors/app-error.js';

/** The system browser through the `open` package (xdg-open, open, start). */
export const systemBrowser: BrowserOpener = {
  async open(url) {
    try {
      const child = await open(url, { wait: false });
      await new Promise<void>((resolve, reject) => {
        child.once('error', reject);
        child.once('spawn', () => resolve());
        setTimeout(resolve, 500).unref();
      });
    } catch (err) {
      throw new AppError('BROWSER_FAILED', 'could not start the system browser', 'open the printed URL yourself, or pass --browser-command CMD / --no-browser', { cause: err });
    }
  },
};
