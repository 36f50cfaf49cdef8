import type { Action } from '../program.js';
import { resolve } from 'node:path';
import { AppError } from '../../core/errors/app-error.js';
import { printWarning, type Io } from '../output.js';

/** The keychain for the pool's signing keys; without one they live in memory (and the pool says so). */
async function keychain(io: Io) {
  const { createSystemSecretStore } = await import('../../core/secrets/system-store.js');
  return createSystemSecretStore({ onFallback: (err) => printWarning(io, err.code, err.message, err.hint) });
}

/** Runs the local pool in the foreground until Ctrl-C. */
const action: Action = async (io, opts) => {
  const port = opts.port === undefined ? undefined : Number(opts.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new AppError('BAD_USAGE', `--port must be 0-65535, got "${String(opts.port)}"`, 'e.g. --port 4610, or --port 0 for any free port');
  }
  const { runEmulatorCommand } = await import('../../../emulator/cli-entry.js');
  const state = typeof opts.state === 'string' ? { dir: resolve(opts.state), keys: await keychain(io) } : undefined;
  const emulator = await runEmulatorCommand({
    ...(port !== undefined ? { port } : {}),
    ...(state ? { state } : {}),
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
