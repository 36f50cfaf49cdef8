import type { Action } from '../program.js';
import { cliContext } from '../context.js';
import { resolveProfile } from '../resolve-profile.js';
import type { ProfileFlags } from '../profile-options.js';
import { cliSession } from '../session-access.js';
import { browserFor } from '../browser-for.js';
import { fetchFor, printJson, usage } from '../output.js';
import { clientConfigFor } from '../../core/session/profile-auth.js';
import { systemClock } from '../../core/ports.js';

/** Revoke (unless --local), delete the keychain entry, and with --hosted end the hosted-UI session. */
const action: Action = async (io, opts) => {
  const flags = opts as ProfileFlags;
  const profile = await resolveProfile(cliContext(io).profiles, flags);
  if (opts.hosted && opts.local) throw usage('--hosted and --local exclude each other', 'drop one of them');
  const { manager } = await cliSession(io, profile, flags.clientSecretEnv ? { clientSecretEnv: flags.clientSecretEnv } : {});
  const result = await manager.signOut(profile.name, { local: Boolean(opts.local) });
  let hostedLogoutUrl: string | undefined;
  if (opts.hosted) {
    if (!profile.logoutUri) throw usage('--hosted needs a registered sign-out URL', 'pass --logout-uri URL (one of the app client\'s Allowed sign-out URLs) or set it in the profile');
    const { hostedLogoutUrl: build } = await import('../../core/auth/revoke.js');
    hostedLogoutUrl = await build(clientConfigFor(profile), profile.logoutUri, { clock: systemClock, fetch: fetchFor(io, profile.name) });
    if (hostedLogoutUrl) await (await browserFor(io, opts.browserCommand)).open(hostedLogoutUrl);
  }
  const out = { profile: profile.name, revoked: result.revoked, keychainEntryRemoved: true, ...(hostedLogoutUrl ? { hostedLogoutUrl } : {}), ...(result.revokeError ? { revokeError: result.revokeError.toInfo() } : {}) };
  if (opts.json) return printJson(io, out);
  io.stdout(`signed out of profile "${profile.name}": ${opts.local ? 'local session forgotten (no network)' : result.revoked ? 'refresh token revoked' : 'nothing to revoke'}; keychain entry removed\n`);
  if (result.revokeError) io.stderr(`warning[${result.revokeError.code}]: revocation failed: ${result.revokeError.message}\nhint: ${result.revokeError.hint}\n`);
  if (hostedLogoutUrl) io.stdout(`opened the hosted UI sign-out: ${hostedLogoutUrl}\n`);
};
export default action;
