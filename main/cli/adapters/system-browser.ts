import open from 'open';
import type { BrowserOpener } from '../../core/ports.js';
import { AppError } from '../../core/errors/app-error.js';
import { watchLaunch } from './watch-launch.js';

/** The system browser through the `open` package (xdg-open, open, start); a launcher that fails is reported. */
export const systemBrowser: BrowserOpener = {
  async open(url) {
    try {
      await watchLaunch(await open(url, { wait: false }));
    } catch (err) {
      const launcher = process.platform === 'linux' ? 'xdg-open' : process.platform === 'darwin' ? 'open' : 'start';
      throw new AppError('BROWSER_FAILED', `the system browser could not be started (${launcher}: ${err instanceof Error ? err.message : String(err)})`,
        'open the printed URL in a browser on this machine, or pass --browser-command CMD; over SSH use --no-browser', { cause: err });
    }
  },
};
