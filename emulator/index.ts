import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../main/core/ports.js';
import type { EmulatorConfig, EmulatorConfigInput } from './config-schema.js';
import type { EmulatorContext } from './context.js';
import { DEFAULT_CONFIG } from './default-config.js';
import { createEmulatorServer, type RequestLogEntry, type RootPostHandler } from './http/server.js';
import { CredentialLedger } from './identity/credentials.js';
import { createIdentityService } from './identity/service.js';
import { IdentityStore } from './identity/identity-store.js';
import { generatePoolKeys, type PoolKeys } from './keys.js';
import { parseEmulatorConfig } from './load-config.js';
import { openPoolState, saveQueue, type PoolStateOptions } from './state/pool-state.js';
import { Store } from './state/store.js';
import { verifyIdToken } from './tokens/verify.js';
import { createUserPoolApi } from './user-pool-api/service.js';

export type { RequestLogEntry } from './http/server.js';
export type { EmulatorConfig, EmulatorConfigInput } from './config-schema.js';
export { DEFAULT_CONFIG } from './default-config.js';
export { loadEmulatorConfig, parseEmulatorConfig } from './load-config.js';
export { describeEmulator } from './describe.js';
export { STATE_FILE, keysAccount, type KeyStore } from './state/pool-state.js';

export interface Emulator {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** http://127.0.0.1:PORT/<userPoolId> */
  issuer: string;
  config: EmulatorConfig;
  requestLog: RequestLogEntry[];
  clearLog(): void;
  /** Test helper: whether tokens with this origin_jti have been revoked. */
  isRevoked(originJti: string): boolean;
  stop(): Promise<void>;
}

export interface StartEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: plain http is acceptable only on loopback. */
  host?: string;
  config?: EmulatorConfigInput;
  clock?: Clock;
  /** Receives one line per request ("GET /oauth2/authorize 302 1.2ms") and handler failures. */
  log?: (line: string) => void;
  /**
   * Keep the pool across restarts (state/pool-state.ts): users, refresh-token records (hashed),
   * revocations and identity ids in `dir`, the signing keys in `keys` (the OS keychain).
   * Without it everything lives in memory, as tests need.
   */
  state?: PoolStateOptions;
}

/** Starts a local Cognito-compatible user pool (+ identity pools) on loopback. */
export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<Emulator> {
  const config = parseEmulatorConfig(opts.config ?? DEFAULT_CONFIG, 'emulator config');
  const clock = opts.clock ?? systemClock;
  const store = new Store(config, clock);
  const identities = new IdentityStore();
  // A kept state is read (and refused when damaged) before the port is bound.
  const kept = opts.state ? await openPoolState(config.userPool.id, { ...(opts.log ? { log: opts.log } : {}), ...opts.state }) : undefined;
  let saves: ReturnType<typeof saveQueue> | undefined;
  if (kept) {
    store.restore(kept.durable);
    identities.restore(kept.identities);
    const queue = saveQueue(
      () => kept.save(store.durable(), identities.all()),
      (err) => (opts.state?.log ?? opts.log)?.(`could not save the pool state: ${err instanceof Error ? err.message : String(err)}`),
    );
    store.onChange = identities.onChange = () => queue.changed();
    saves = queue;
  }
  // Key generation (two RSA keys) overlaps with binding the port.
  const keysReady: Promise<PoolKeys> = kept ? Promise.resolve(kept.keys) : generatePoolKeys();
  keysReady.catch(() => undefined);
  const host = opts.host ?? '127.0.0.1';
  const requestLog: RequestLogEntry[] = [];
  // Filled in once the port is known; the server answers 503 until then.
  const live: { ctx?: EmulatorContext; identity?: RootPostHandler } = {};

  const server = createEmulatorServer({
    ctx: () => live.ctx,
    rootPost: () => live.identity,
    onRequest: (entry) => {
      requestLog.push(entry);
      opts.log?.(`${entry.method} ${entry.path} ${entry.status} ${entry.ms}ms`);
    },
    ...(opts.log !== undefined ? { log: opts.log } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const keys = await keysReady;
  const port = (server.address() as AddressInfo).port;
  const url = `http://${urlHost(host)}:${port}`;
  const issuer = `${url}/${config.userPool.id}`;
  const context: EmulatorContext = { config, clock, baseUrl: url, issuer, keys, store };
  const verifyCtx = { keys, issuer, clock, isRevoked: (j: string) => store.isRevoked(j) };
  // One ledger: signatures made with identity pool credentials are checked by both APIs.
  const ledger = new CredentialLedger();
  const service = createIdentityService({
    config,
    clock,
    verifyUserPoolIdToken: (token) => verifyIdToken(verifyCtx, token),
    isRevoked: (j) => store.isRevoked(j),
    identities,
    ledger,
  });
  const userPoolApi = createUserPoolApi({ config, clock, ledger });
  live.identity = async (req, res, body) => userPoolApi.handle(req, res, body) || service.handle(req, res, body);
  live.ctx = context;

  return {
    url,
    port,
    issuer,
    config,
    requestLog,
    clearLog: () => {
      requestLog.length = 0;
    },
    isRevoked: (j) => store.isRevoked(j),
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await saves?.flush();
    },
  };
}

/** A wildcard bind is reached through loopback; IPv6 literals need brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
