import type { Action } from '../program.js';
import { cliContext } from '../context.js';
import { flagsToProfileInput } from '../resolve-profile.js';
import type { ProfileFlags } from '../profile-options.js';
import { describeProfile } from '../describe-profile.js';
import { parseSeconds } from '../parse-number.js';
import { usage, type Io } from '../output.js';

const action: Action = async (io, opts, [name]) => {
  const changes = flagsToProfileInput(opts as ProfileFlags);
  if (opts.refreshTokenLifetime !== undefined) changes.refreshTokenLifetimeSeconds = parseSeconds(opts.refreshTokenLifetime, '--refresh-token-lifetime');
  // commander's --no-client-secret: clientSecret is false only when it was given.
  const dropSecret = opts.clientSecret === false;
  if (dropSecret && opts.clientSecretEnv) throw usage('--no-client-secret and --client-secret-env contradict each other', 'give one of them');
  if (dropSecret) changes.hasClientSecret = false;
  if (!Object.keys(changes).length) throw usage('nothing to change', 'give the flags to change, e.g. --scope "openid email"');
  const profile = await cliContext(io).profiles.edit(name!, changes);
  // The secret goes from the keychain too (the session, if any, stays): a public client never needs it.
  const removed = dropSecret ? await forgetClientSecret(io, profile.name) : false;
  io.stdout(`updated profile "${profile.name}"${removed ? ' (its client secret was deleted from the keychain)' : ''}\n${describeProfile(profile).join('\n')}\n`);
};
export default action;

async function forgetClientSecret(io: Io, profile: string): Promise<boolean> {
  const { openSecrets } = await import('../session-access.js');
  const secrets = await openSecrets(io);
  const stored = await secrets.vault.read(profile);
  if (!stored?.clientSecret) return false;
  const { clientSecret: _dropped, ...rest } = stored;
  const hasSession = Object.keys(rest).some((k) => k !== 'updatedAt');
  if (hasSession) await secrets.vault.update(profile, ({ clientSecret: _c, ...keep }) => keep);
  else await secrets.vault.remove(profile);
  return true;
}
