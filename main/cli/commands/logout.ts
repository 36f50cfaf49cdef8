import type { Action } from '../program.js';
import { cliContext } from '../context.js';
import { resolveProfile } from '../resolve-profile.js';
import type { ProfileFlags } from '../profile-options.js';
import { cliSession } from '../session-access.js';
import { browserFor } from '../browser-for.js';
import { fetchFor, printJson, printWarning, usage } from '../output.js';
import { clientConfigFor } from '../../core/session/profile-auth.js';
import { systemClock } from '../../core/ports.js';
import { hostedSignOutLine, runHostedSignOut, type HostedSignOutResult } from '../hosted-sign-out.js';

/**
 * Revoke (unless --local), delete the keychain entry, and with --hosted end the hosted-UI session.
 * When the keychain cannot be reached or is locked, a stored session can be neither revoked nor
 * removed: logout says exactly what it did and did not do, and exits 1 (a false "signed out" would
 * leave a live refresh token behind a user who believes it gone).
 */
const action: Action = async (io, opts) => {
  const flags = opts as ProfileFlags;
  const profile = await resolveProfile(cliContext(io).profiles, flags);
  if (opts.hosted && opts.local) throw usage('--hosted and --local exclude each other', 'drop one of them');
  // Checked before anything is revoked or removed: a usage error must leave the session as it was.
  if (opts.hosted && !profile.logoutUri) throw usage('--hosted needs a registered sign-out URL', 'pass --logout-uri URL (one of the app client\'s Allowed sign-out URLs, e.g. http://localhost:53682/signed-out) or set it in the profile');
  const { manager, secrets } = await cliSession(io, profile, { quiet: true, ...(flags.clientSecretEnv ? { clientSecretEnv: flags.clientSecretEnv } : {}) });
  const result = await manager.signOut(profile.name, { local: Boolean(opts.local) });
  const problem = secrets.problem;
  let hostedLogoutUrl: string | undefined;
  let hosted: HostedSignOutResult | undefined;
  if (opts.hosted && profile.logoutUri) {
    const { hostedLogoutUrl: build } = await import('../../core/auth/revoke.js');
    hostedLogoutUrl = await build(clientConfigFor(profile), profile.logoutUri, { clock: systemClock, fetch: fetchFor(io, profile.name) });
    if (hostedLogoutUrl) hosted = await runHostedSignOut(io, hostedLogoutUrl, profile.logoutUri, await browserFor(io, opts.browserCommand));
  }
  const hostedLine = hosted && hostedLogoutUrl ? hostedSignOutLine(hosted, hostedLogoutUrl, profile.logoutUri!) : '';
  const out = {
    profile: profile.name,
    revoked: result.revoked,
    keychainEntryRemoved: !problem,
    ...(problem ? { keychainProblem: problem } : {}),
    ...(hostedLogoutUrl ? { hostedLogoutUrl } : {}),
    ...(hosted ? { hostedUi: { browserOpened: hosted.opened, ...(hosted.returned !== undefined ? { browserReturned: hosted.returned } : {}) } } : {}),
    ...(result.revokeError ? { revokeError: result.revokeError.toInfo() } : {}),
  };
  if (opts.json) {
    printJson(io, out);
    return problem ? 1 : 0;
  }
  if (problem) {
    const why = problem.code === 'KEYCHAIN_LOCKED' ? 'the keychain is locked' : 'no keychain is available';
    io.stderr(
      `error[${problem.code}]: not signed out of profile "${profile.name}": ${why}, so a stored session could not be read or removed\n` +
        `  refresh token revoked: ${result.revoked ? 'yes' : opts.local ? 'no (--local)' : 'no (it could not be read)'}\n` +
        `  keychain entry removed: no (a session may still be stored)\n` +
        `hint: ${problem.hint.replace(/[;,.]?\s*sessions will last until the process exits\.?$/i, '.')} Then run logout again.\n`,
    );
    io.stdout(hostedLine);
    return 1;
  }
  io.stdout(`signed out of profile "${profile.name}": ${opts.local ? 'local session forgotten (no network)' : result.revoked ? 'refresh token revoked' : 'nothing to revoke'}; keychain entry removed\n`);
  if (result.revokeError) printWarning(io, result.revokeError.code, `revocation failed: ${result.revokeError.message}`, result.revokeError.hint);
  io.stdout(hostedLine);
};
export default action;
