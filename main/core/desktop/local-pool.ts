import type { ProfileInput } from '../profiles/schema.js';
import type { ProfileStore } from '../profiles/store.js';

/** The profile name of the embedded local pool a newcomer signs into on first start. */
export const LOCAL_PROFILE = 'local-demo';
export const LOCAL_POOL_PORT = 4610;

export interface LocalPool {
  issuer: string;
  url: string;
  stop(): Promise<void>;
}

/**
 * With no profile of the user's own, start the embedded pool and offer it as "Local pool (demo)";
 * if that profile exists, start the pool again so it keeps working. The emulator module is loaded
 * only here, so a user with real profiles never pays for it.
 */
export async function ensureLocalPool(profiles: ProfileStore, log: (line: string) => void): Promise<LocalPool | undefined> {
  const all = await profiles.list();
  const mine = all.filter((p) => !p.adHoc && p.name !== LOCAL_PROFILE);
  const existing = all.find((p) => p.name === LOCAL_PROFILE);
  if (mine.length && !existing) return undefined;
  const { startEmulator, DEFAULT_CONFIG } = await import('../../../emulator/index.js');
  const emulator = await startEmulator({ port: LOCAL_POOL_PORT, config: DEFAULT_CONFIG }).catch(() => startEmulator({ port: 0, config: DEFAULT_CONFIG }));
  const client = emulator.config.userPool.clients[0]!;
  const pool = emulator.config.identityPools[0];
  const profile: Partial<ProfileInput> & { name: string } = {
    name: LOCAL_PROFILE,
    issuer: emulator.issuer,
    clientId: client.clientId,
    region: emulator.config.region,
    scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
    logoutUri: 'http://localhost:53682/signed-out',
    refreshTokenLifetimeSeconds: client.refreshTokenValiditySeconds,
    ...(pool ? { identityPool: { id: pool.id, mode: 'enhanced' as const, endpoint: emulator.url } } : {}),
  };
  await profiles.add(profile, { replace: true });
  log(`local pool (demo) at ${emulator.issuer}: sign in as alice / Passw0rd!`);
  return emulator;
}
