import type { EmulatorConfig, IdentityPoolConfig } from '../config-schema.js';
import type { Clock } from '../../main/core/ports.js';
import type { CredentialLedger } from './credentials.js';
import { IdentityError, messages } from './errors.js';
import type { IdentityStore } from './identity-store.js';
import type { LoginVerifier } from './logins.js';
import type { OpenIdTokenIssuer } from './openid-token.js';

/** State shared by the identity pool and STS operations of one emulator run. */
export interface IdentityContext {
  config: EmulatorConfig;
  clock: Clock;
  verifier: LoginVerifier;
  identities: IdentityStore;
  ledger: CredentialLedger;
  openIdTokens: Promise<OpenIdTokenIssuer>;
}

export function findPool(ctx: IdentityContext, poolId: string): IdentityPoolConfig {
  const pool = ctx.config.identityPools.find((p) => p.id === poolId);
  if (!pool) throw new IdentityError('ResourceNotFoundException', messages.poolNotFound(poolId));
  return pool;
}
