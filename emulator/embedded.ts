import { join } from 'node:path';
import type { LocalPool } from '../main/core/desktop/local-pool.js';
import type { Clock } from '../main/core/ports.js';
import type { EmulatorConfigInput } from './config-schema.js';
import { DEFAULT_CONFIG } from './default-config.js';
import { startEmulator, type Emulator } from './index.js';
import type { KeyStore } from './state/pool-state.js';

/** The port the app's embedded pool prefers, so a kept session's issuer stays the same. */
export const LOCAL_POOL_PORT = 4610;

/** Where the app keeps its embedded pool: a directory of the inspector home (no secret in it). */
export const localPoolStateDir = (home: string): string => join(home, 'local-pool');

export interface EmbeddedPoolOptions {
  /** Keep the pool across restarts: its state directory and the keychain for its signing keys. */
  state?: { dir: string; keys: KeyStore };
  port?: number;
  config?: EmulatorConfigInput;
  clock?: Clock;
  log?: (line: string) => void;
}

/**
 * The app's "Local pool (demo)": the emulator with the demo config on LOCAL_POOL_PORT (any free
 * port when that one is taken), as the core's LocalPool. The shells call this and hand the result
 * to the desktop core.
 */
export async function startEmbeddedPool(opts: EmbeddedPoolOptions = {}): Promise<LocalPool & { emulator: Emulator }> {
  const base = {
    config: opts.config ?? DEFAULT_CONFIG,
    // The log hears the pool's notices (keys, state), not every request.
    ...(opts.state ? { state: { ...opts.state, ...(opts.log ? { log: opts.log } : {}) } } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  };
  const port = opts.port ?? LOCAL_POOL_PORT;
  const emulator = await startEmulator({ ...base, port }).catch((err: unknown) => {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw err;
    return startEmulator({ ...base, port: 0 });
  });
  const client = emulator.config.userPool.clients[0]!;
  const identityPool = emulator.config.identityPools[0];
  return {
    emulator,
    issuer: emulator.issuer,
    url: emulator.url,
    region: emulator.config.region,
    clientId: client.clientId,
    refreshTokenLifetimeSeconds: client.refreshTokenValiditySeconds,
    identityProviders: client.identityProviders.filter((p) => p !== 'COGNITO'),
    ...(identityPool ? { identityPoolId: identityPool.id } : {}),
    stop: () => emulator.stop(),
  };
}
