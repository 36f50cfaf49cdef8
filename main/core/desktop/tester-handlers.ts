import { previewAuthorizeUrl } from '../auth/authorize-url.js';
import { sdkAdminApi } from '../aws/admin-api.js';
import type { AdminApiFactory } from '../doctor/admin/settings.js';
import type { DoctorReport } from '../doctor/types.js';
import type { Clock } from '../ports.js';
import type { Profile } from '../profiles/schema.js';
import type { SessionVault } from '../secrets/session-vault.js';
import type { SessionManager } from '../session/session-manager.js';
import { clientConfigFor } from '../session/profile-auth.js';

export interface TesterDeps {
  clock: Clock;
  profile(name: string): Promise<Profile>;
  vault: SessionVault;
  manager: SessionManager;
  /** doctor --admin's AWS reads; the SDK clients with the standard credential chain when absent. */
  adminApi?: AdminApiFactory;
}

/**
 * The window's Tester tab: the authorize URL for edited parameters (a preview: nothing listens, the
 * saved profile is not touched) and `doctor` for the profile, with its session when signed in.
 */
export function testerHandlers(deps: TesterDeps) {
  return {
    'tester:authorize-url': async (req: { profile: string; scopes?: string[]; identityProvider?: string; params: Record<string, string> }) => {
      const profile = await deps.profile(req.profile);
      const cfg = clientConfigFor({ ...profile, ...(req.scopes?.length ? { scopes: req.scopes } : {}), ...(req.identityProvider !== undefined ? { identityProvider: req.identityProvider || undefined } : {}) } as Profile);
      const preview = await previewAuthorizeUrl(cfg, { clock: deps.clock }, req.params);
      return { url: preview.url, params: Object.fromEntries(new URL(preview.url).searchParams) };
    },
    'tester:doctor': async (req: { profile: string; admin?: boolean }): Promise<DoctorReport> => {
      const profile = await deps.profile(req.profile);
      const stored = await deps.vault.read(req.profile);
      const { runDoctor } = await import('../doctor/run-doctor.js');
      const tokens = stored?.accessToken ? await deps.manager.tokens(req.profile, 0).catch(() => undefined) : undefined;
      return runDoctor({
        profile,
        ...(stored?.clientSecret ? { clientSecret: stored.clientSecret } : {}),
        ...(tokens ? {
          session: {
            ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
            accessToken: tokens.accessToken,
            ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
            refresh: () => deps.manager.refresh(req.profile, 0),
          },
        } : {}),
        ...(req.admin ? { admin: true } : {}),
      }, { fetch: globalThis.fetch, clock: deps.clock, ...(req.admin ? { adminApi: deps.adminApi ?? sdkAdminApi(globalThis.fetch) } : {}) });
    },
  };
}
