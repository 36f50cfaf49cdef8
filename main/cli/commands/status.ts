import type { Action } from '../program.js';
import { cliContext } from '../context.js';
import { resolveProfile } from '../resolve-profile.js';
import type { ProfileFlags } from '../profile-options.js';
import { openSecrets, unreadableSession } from '../session-access.js';
import { printJson } from '../output.js';
import { vaultPersistence } from '../../core/session/vault-persistence.js';
import { sessionStatus } from '../../core/session/session-status.js';
import { printStatus } from '../print-status.js';

/**
 * Reads the keychain only: no network, no refresh. Exit 1 when not signed in, and when the keychain
 * cannot be read: then a session may be stored, and status says so instead of "not signed in".
 */
const action: Action = async (io, opts) => {
  const profile = await resolveProfile(cliContext(io).profiles, opts as ProfileFlags);
  const secrets = await openSecrets(io, { quiet: true });
  const tokens = await vaultPersistence(secrets.vault, () => secrets.persisted).load(profile.name);
  const status = sessionStatus(profile, tokens, Date.now(), secrets.persisted);
  const unreadable = tokens ? undefined : unreadableSession(secrets, profile.name);
  if (unreadable) {
    if (!opts.json) throw unreadable;
    // signedIn: null = unknown; a script testing it as a boolean still reads "not signed in".
    printJson(io, { ...status, signedIn: null, sessionReadable: false, keychainProblem: unreadable.toInfo() });
    return 1;
  }
  if (opts.json) printJson(io, status);
  else if (status.expired) io.stdout(`session of profile "${profile.name}" expired: its refresh token's lifetime ended about ${status.refreshToken.about}; run cognito-inspector login --profile ${profile.name}\n`);
  else if (!status.signedIn) io.stdout(`not signed in with profile "${profile.name}": run cognito-inspector login --profile ${profile.name}\n`);
  else {
    io.stdout(`signed in with profile "${profile.name}"\n`);
    printStatus(io, status);
  }
  return status.signedIn ? 0 : 1;
};
export default action;
