import type { Clock } from '../main/core/ports.js';
import type { EmulatorConfig } from './config-schema.js';
import type { PoolKeys } from './keys.js';
import type { Store } from './state/store.js';

/** What every route handler needs: the parsed config, the clock, keys, state and the public URLs. */
export interface EmulatorContext {
  config: EmulatorConfig;
  clock: Clock;
  /** http://127.0.0.1:PORT: the "domain" serving the hosted UI and OAuth endpoints. */
  baseUrl: string;
  /** baseUrl + '/' + userPoolId */
  issuer: string;
  keys: PoolKeys;
  store: Store;
}

export function nowSeconds(ctx: EmulatorContext): number {
  return Math.floor(ctx.clock.now() / 1000);
}
