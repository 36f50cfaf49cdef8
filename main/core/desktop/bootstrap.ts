import type { Bootstrap, Capabilities, KeychainStatus, ProfileSummary, SessionView } from '../ipc/contract.js';
import { toErrorInfo } from '../ipc/dispatch.js';

export interface BootstrapDeps {
  capabilities(): Promise<Capabilities>;
  keychain(): Promise<KeychainStatus>;
  profiles(): Promise<ProfileSummary[]>;
  /**
   * The profile's session, or undefined while saved sessions are still being restored: a snapshot
   * taken then would say "signed out" for a session about to come back.
   */
  sessionIfRestored(profile: string): SessionView | undefined;
}

/**
 * `app:bootstrap`: what the window's first render needs, in one round trip instead of four
 * (capabilities, keychain, profiles, then the selected profile's session). A profiles.json that
 * cannot be read is reported inside the answer, so the window still starts and says why.
 */
export async function bootstrap(req: { profile?: string | undefined }, deps: BootstrapDeps): Promise<Bootstrap> {
  const [capabilities, keychain, profiles] = await Promise.all([
    deps.capabilities(),
    deps.keychain(),
    deps.profiles().then(
      (value) => ({ ok: true as const, value }),
      (err: unknown) => ({ ok: false as const, error: toErrorInfo(err) }),
    ),
  ]);
  const names = profiles.ok ? profiles.value.map((p) => p.name) : [];
  const selected = req.profile !== undefined && names.includes(req.profile) ? req.profile : names[0];
  const session = selected === undefined ? undefined : deps.sessionIfRestored(selected);
  return { capabilities, keychain, profiles, ...(selected !== undefined ? { selected } : {}), ...(session ? { session } : {}) };
}
