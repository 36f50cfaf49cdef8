import type { BrowserOpener } from '../core/ports.js';
import type { Io } from './output.js';

/** --browser-command, else $BROWSER, else the system browser. Adapters load only when used. */
export async function browserFor(io: Io, browserCommand: unknown): Promise<BrowserOpener> {
  const cmd = typeof browserCommand === 'string' && browserCommand ? browserCommand : io.env.BROWSER;
  if (cmd) {
    const { commandBrowser } = await import('./adapters/command-browser.js');
    return commandBrowser(cmd);
  }
  const { systemBrowser } = await import('./adapters/system-browser.js');
  return systemBrowser;
}
