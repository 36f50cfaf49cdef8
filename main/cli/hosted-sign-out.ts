import type { AppError } from '../core/errors/app-error.js';
import { isAppError } from '../core/errors/app-error.js';
import type { BrowserOpener } from '../core/ports.js';
import type { Io } from './output.js';

/** How long `logout --hosted` waits for the browser to come back to the sign-out URL. */
export const SIGN_OUT_WAIT_MS = 120_000;

export interface HostedSignOutResult {
  opened: boolean;
  /** The browser reached the loopback sign-out URL (undefined when that URL is not ours to serve). */
  returned?: boolean;
  browserError?: AppError;
}

/**
 * Sends the browser to the provider's logout URL. With a loopback sign-out URL, a listener is up
 * first so the browser lands on a "signed out" page, and the CLI waits for it (bounded; Ctrl-C ends
 * the wait). A browser that does not start is said plainly, with the URL to open by hand.
 */
export async function runHostedSignOut(io: Io, url: string, logoutUri: string, browser: BrowserOpener, waitMs = SIGN_OUT_WAIT_MS): Promise<HostedSignOutResult> {
  const { listenForSignOut } = await import('../core/loopback/signed-out-listener.js');
  const listener = await listenForSignOut(logoutUri);
  try {
    let browserError: AppError | undefined;
    try {
      await browser.open(url);
    } catch (err) {
      if (!isAppError(err)) throw err;
      browserError = err;
      io.stderr(`warning[${err.code}]: ${err.message}\nopen this URL in a browser on this machine to end the hosted UI session:\n  ${url}\n`);
    }
    if (!listener) return { opened: !browserError, ...(browserError ? { browserError } : {}) };
    io.stderr(`waiting for the browser to come back to ${logoutUri} (Ctrl-C stops waiting)\n`);
    const stop = new AbortController();
    const onSigint = () => stop.abort();
    process.once('SIGINT', onSigint);
    let timer: NodeJS.Timeout | undefined;
    const returned = await Promise.race([
      listener.arrived.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), waitMs);
        stop.signal.addEventListener('abort', () => resolve(false), { once: true });
      }),
    ]);
    clearTimeout(timer);
    process.removeListener('SIGINT', onSigint);
    return { opened: !browserError, returned, ...(browserError ? { browserError } : {}) };
  } finally {
    await listener?.stop();
  }
}

/** The line `logout` prints about the hosted UI: only what actually happened. */
export function hostedSignOutLine(r: HostedSignOutResult, url: string, logoutUri: string): string {
  if (r.returned) return `ended the hosted UI session: the browser came back to ${logoutUri}\n`;
  if (r.returned === false) {
    return `${r.opened ? 'opened the hosted UI sign-out' : 'the browser did not open'}, but no browser came back to ${logoutUri}: the hosted UI session may still be active (open ${url} to end it)\n`;
  }
  return r.opened ? `opened the hosted UI sign-out: ${url}\n` : `the hosted UI session was not ended: no browser opened (open ${url} to end it)\n`;
}
