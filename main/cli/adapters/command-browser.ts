import { spawn } from 'node:child_process';
import type { BrowserOpener } from '../../core/ports.js';
import { AppError } from '../../core/errors/app-error.js';
import { watchLaunch } from './watch-launch.js';

/** Splits a command line into argv: whitespace-separated words, with '...' and "..." quoting. No shell. */
export function splitCommand(cmd: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(cmd); m; m = re.exec(cmd)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

/** --browser-command CMD or $BROWSER: run with the URL as its last argument, without a shell. */
export function commandBrowser(cmd: string): BrowserOpener {
  const argv = splitCommand(cmd);
  if (!argv.length) throw new AppError('BAD_USAGE', 'the browser command is empty', 'pass --browser-command "firefox --new-window"');
  return {
    async open(url) {
      const child = spawn(argv[0]!, [...argv.slice(1), url], { stdio: 'ignore', detached: true, shell: false });
      try {
        await watchLaunch(child);
      } catch (err) {
        throw new AppError('BROWSER_FAILED', `the browser command "${argv[0]}" failed (${err instanceof Error ? err.message : String(err)})`,
          'check --browser-command / $BROWSER, or use --no-browser', { cause: err });
      } finally {
        child.unref();
      }
    },
  };
}
