import type { LastRefresh, SessionView } from '../ipc/contract.js';
import type { Clock } from '../ports.js';
import type { SessionEvent, SessionSnapshot } from '../session/types.js';

/** Session-manager event reasons that report how a silent refresh went. */
const REFRESH_RESULTS: Record<string, LastRefresh['result']> = {
  refreshed: 'refreshed',
  rotated: 'rotated',
  retrying: 'retrying',
  'refresh-failed': 'failed',
  'refresh-token-rejected': 'rejected',
};

/**
 * Turns session snapshots into what the window shows, remembering per profile how the last
 * refresh went and whether rotation was seen (the snapshot itself keeps no history). The refresh
 * token never appears here: only that one is held, where, and its estimated expiry.
 */
export function createSessionViews(deps: { clock: Clock; refreshLifetimeSeconds: (profile: string) => number | undefined }) {
  const last = new Map<string, LastRefresh>();
  const rotated = new Set<string>();

  function record(e: SessionEvent): void {
    if (e.reason === 'signed-in' || e.reason === 'signed-out') {
      last.delete(e.profile);
      rotated.delete(e.profile);
      return;
    }
    const result = REFRESH_RESULTS[e.reason];
    if (!result) return;
    if (result === 'rotated') rotated.add(e.profile);
    last.set(e.profile, { at: deps.clock.now(), result, ...(e.snapshot.error && result !== 'refreshed' && result !== 'rotated' ? { error: e.snapshot.error } : {}) });
  }

  function view(s: SessionSnapshot): SessionView {
    const lifetime = deps.refreshLifetimeSeconds(s.profile);
    const lastRefresh = last.get(s.profile);
    return {
      profile: s.profile,
      state: s.state,
      persisted: s.persisted,
      ...(s.idToken ? { idToken: s.idToken } : {}),
      ...(s.accessToken ? { accessToken: s.accessToken } : {}),
      ...(s.accessTokenExpiresAt ? { accessTokenExpiresAt: s.accessTokenExpiresAt } : {}),
      ...(s.error ? { error: s.error } : {}),
      ...(s.nextRefreshAt ? { nextRefreshAt: s.nextRefreshAt } : {}),
      hasRefreshToken: s.hasRefreshToken,
      ...(s.hasRefreshToken ? { refreshTokenStorage: s.persisted ? ('keychain' as const) : ('memory' as const) } : {}),
      ...(s.signedInAt ? { signedInAt: s.signedInAt } : {}),
      ...(s.hasRefreshToken && s.signedInAt && lifetime ? { refreshTokenExpiresAbout: s.signedInAt + lifetime * 1000 } : {}),
      ...(lastRefresh ? { lastRefresh } : {}),
      rotationSeen: rotated.has(s.profile),
    };
  }

  return { record, view };
}
