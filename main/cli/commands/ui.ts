import type { Action } from '../program.js';
import { AppError } from '../../core/errors/app-error.js';
import { systemClock } from '../../core/ports.js';
import { browserFor } from '../browser-for.js';
import { cliContext } from '../context.js';
import { parseSeconds } from '../parse-number.js';
import { printWarning } from '../output.js';

/** Where `ui` listens unless told otherwise; a free port is drawn when another program holds it. */
export const DEFAULT_UI_PORT = 4620;

function parsePort(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('BAD_USAGE', `--port must be 0-65535, got "${String(value)}"`, 'e.g. --port 4620, or --port 0 for any free port');
  }
  return port;
}

const errno = (err: unknown) => (err as { code?: string } | null)?.code;

/**
 * The window in the browser: the desktop core behind the same contract, over HTTP on loopback.
 * Runs until Ctrl-C, or until no page has been open for --idle-timeout seconds.
 */
const action: Action = async (io, opts) => {
  const explicitPort = parsePort(opts.port);
  const idleSeconds = parseSeconds(opts.idleTimeout ?? 60, '--idle-timeout');
  const profile = typeof opts.profile === 'string' ? opts.profile : undefined;
  const { home, profiles } = cliContext(io);
  const { loadRendererFiles } = await import('../../web/renderer-files.js');
  const files = await loadRendererFiles();
  // Sign-ins started from the page open the browser the way `login` does.
  const browser = await browserFor(io, opts.browserCommand);
  const { createDesktopCore } = await import('../../core/desktop/desktop-core.js');
  const core = await createDesktopCore({
    home,
    startLocalPool: async () => {
      // The same embedded pool as the desktop app's, kept in the same home, so its sessions carry over.
      const [{ startEmbeddedPool, localPoolStateDir }, { createSystemSecretStore }] = await Promise.all([
        import('../../../emulator/embedded.js'),
        import('../../core/secrets/system-store.js'),
      ]);
      return startEmbeddedPool({ state: { dir: localPoolStateDir(home), keys: createSystemSecretStore() }, log: (line) => io.stdout(`${line}\n`) });
    },
    browser,
    clock: systemClock,
    log: (line) => io.stdout(`${line}\n`),
    onKeychainProblem: (err) => printWarning(io, err.code, `${err.message}; sessions will not survive a restart`, err.hint),
  });
  let stopped: (reason: string) => void = () => undefined;
  const done = new Promise<string>((resolve) => (stopped = resolve));
  const { startWebShell } = await import('../../web/web-shell.js');
  let launchFile: { url: string; remove(): Promise<void> } | undefined;
  const start = (port: number) =>
    startWebShell({ core, port, files, idleMs: idleSeconds * 1000, onIdle: () => stopped(`no page has been open for ${idleSeconds} s`), onLaunched: () => void launchFile?.remove() });
  let shell;
  try {
    if (profile) await profiles.get(profile);
    try {
      shell = await start(explicitPort ?? DEFAULT_UI_PORT);
    } catch (err) {
      if (explicitPort !== undefined || errno(err) !== 'EADDRINUSE') throw err;
      shell = await start(0);
    }
  } catch (err) {
    await core.dispose();
    if (errno(err) === 'EADDRINUSE') throw new AppError('PORT_IN_USE', `port ${explicitPort} is in use`, 'pick another --port, or --port 0 for any free one');
    throw err;
  }

  const url = shell.launchUrl(profile);
  io.stdout(`Cognito Inspector is serving its window on http://127.0.0.1:${shell.port}/ (loopback only). Open it with this one-time link:\n  ${url}\n`);
  if (opts.browser !== false) {
    // The browser gets a private file that forwards to the link, not the link: its command line is public.
    const { writeLaunchFile } = await import('../../web/launch-file.js');
    launchFile = await writeLaunchFile(url);
    await browser.open(launchFile.url).catch((err: unknown) => io.stderr(`warning[BROWSER_FAILED]: ${err instanceof AppError ? err.message : 'could not start the browser'}; open the link above yourself\n`));
  }
  io.stdout(`Stops with Ctrl-C, or ${idleSeconds} s after the last page is closed.\n`);

  // Kept until the end: a second Ctrl-C (or a wrapper such as `npm start` passing it on) must not
  // kill the process halfway through closing the keychain and the local pool.
  const onSignal = () => stopped('Ctrl-C');
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const reason = await done;
  io.stdout(`Stopping (${reason}).\n`);
  await launchFile?.remove();
  await shell.close();
  await core.dispose();
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
};
export default action;
