import type { ProfileInput } from '../profiles/schema.js';
import type { ProfileStore } from '../profiles/store.js';

/** The profile name of the embedded local pool a newcomer signs into on first start. */
export const LOCAL_PROFILE = 'local-demo';

/** What the core needs of a running embedded pool (the emulator, started by the shell). */
export interface LocalPool {
  issuer: string;
  /** The identity pool's endpoint (the pool's own URL). */
  url: string;
  region: string;
  clientId: string;
  refreshTokenLifetimeSeconds: number;
  identityPoolId?: string;
  /** Providers the app client offers besides the user pool (the demo simulates Google). */
  identityProviders?: string[];
  stop(): Promise<void>;
}

/**
 * Starts the embedded pool. The shells (main/app, the CLI's app commands) pass one in, built on
 * emulator/embedded.ts with a state directory and the keychain, so the pool and a session kept in
 * it survive a restart; core itself never imports the emulator.
 */
export type StartLocalPool = () => Promise<LocalPool>;

/**
 * With no profile of the user's own, start the embedded pool and offer it as "Local pool (demo)";
 * if that profile exists, start the pool again so it keeps working.
 */
export async function ensureLocalPool(profiles: ProfileStore, start: StartLocalPool | undefined, log: (line: string) => void): Promise<LocalPool | undefined> {
  if (!start) return undefined;
  const all = await profiles.list();
  const mine = all.filter((p) => !p.adHoc && p.name !== LOCAL_PROFILE);
  const existing = all.find((p) => p.name === LOCAL_PROFILE);
  if (mine.length && !existing) return undefined;
  let pool: LocalPool;
  try {
    pool = await start();
  } catch (err) {
    // A damaged pool state must not keep the app from starting: the user's own profiles still work.
    const e = err as { message?: string; hint?: string };
    log(`local pool (demo) not started: ${e.message ?? String(err)}${e.hint ? ` (${e.hint})` : ''}`);
    return undefined;
  }
  const profile: Partial<ProfileInput> & { name: string } = {
    name: LOCAL_PROFILE,
    issuer: pool.issuer,
    clientId: pool.clientId,
    region: pool.region,
    scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
    logoutUri: 'http://localhost:53682/signed-out',
    refreshTokenLifetimeSeconds: pool.refreshTokenLifetimeSeconds,
    ...(pool.identityPoolId ? { identityPool: { id: pool.identityPoolId, mode: 'enhanced' as const, endpoint: pool.url } } : {}),
    ...(pool.identityProviders?.length ? { identityProviders: pool.identityProviders } : {}),
  };
  await profiles.add(profile, { replace: true });
  log(`local pool (demo) at ${pool.issuer}: sign in as alice / Passw0rd!`);
  return pool;
}
