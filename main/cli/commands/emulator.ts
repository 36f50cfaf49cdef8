import type { Action } from '../program.js';
import { AppError } from '../../core/errors/app-error.js';

/** Runs the local pool in the foreground until Ctrl-C. */
const action: Action = async (io, opts) => {
  const port = opts.port === undefined ? undefined : Number(opts.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new AppError('BAD_USAGE', `--port must be 0-65535, got "${String(opts.port)}"`, 'e.g. --port 4610, or --port 0 for any free port');
  }
  const { runEmulatorCommand } = await import('../../../emulator/cli-entry.js');
  const emulator = await runEmulatorCommand({
    ...(port !== undefined ? { port } : {}),
    ...(typeof opts.config === 'string' ? { config: opts.config } : {}),
    logRequests: Boolean(opts.log),
    stdout: (line) => io.stdout(line + '\n'),
  });
  await new Promise<void>((resolve) => {
    const stop = () => void emulator.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
};
export default action;
