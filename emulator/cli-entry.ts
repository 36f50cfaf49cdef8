import { AppError } from '../main/core/errors/app-error.js';
import { DEFAULT_CONFIG, describeEmulator, loadEmulatorConfig, startEmulator, type Emulator, type KeyStore } from './index.js';

/** Port `cognito-inspector emulator` uses when --port is not given, so saved profiles keep working. */
export const DEFAULT_EMULATOR_PORT = 4610;

/**
 * `cognito-inspector emulator [--port N] [--config FILE]`: starts the emulator, prints the
 * start-up lines, then one line per request. Resolves once it is listening; stop() ends it.
 */
export async function runEmulatorCommand(opts: {
  port?: number;
  config?: string;
  stdout: (s: string) => void;
  logRequests?: boolean;
  /** --state DIR, with the keychain that keeps the signing keys. */
  state?: { dir: string; keys: KeyStore };
}): Promise<Emulator> {
  const config = opts.config === undefined ? DEFAULT_CONFIG : await loadEmulatorConfig(opts.config);
  const port = opts.port ?? DEFAULT_EMULATOR_PORT;
  let emulator: Emulator;
  try {
    emulator = await startEmulator({
      port,
      config,
      ...(opts.state ? { state: opts.state } : {}),
      ...(opts.logRequests === false ? {} : { log: (line: string) => opts.stdout(line) }),
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new AppError('PORT_IN_USE', `Port ${port} on 127.0.0.1 is already in use`, 'Stop the other process or pass --port with a free port (0 picks one).', {
        cause: err,
        details: { port },
      });
    }
    throw err;
  }
  for (const line of describeEmulator(emulator)) opts.stdout(line);
  if (opts.state) opts.stdout(`state: ${opts.state.dir} (kept across restarts; signing keys in the keychain)`);
  opts.stdout('plain http on loopback only; press Ctrl+C to stop');
  return emulator;
}
