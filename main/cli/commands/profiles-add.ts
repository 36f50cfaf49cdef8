import type { Action } from '../program.js';
import { cliContext } from '../context.js';
import { flagsToProfileInput } from '../resolve-profile.js';
import type { ProfileFlags } from '../profile-options.js';
import { describeProfile } from '../describe-profile.js';
import { parseSeconds } from '../parse-number.js';
import { usage } from '../output.js';

const action: Action = async (io, opts, [name]) => {
  const flags = opts as ProfileFlags;
  if (flags.profile) throw usage('profiles add takes the name as its argument, not --profile', 'run `profiles add NAME --issuer URL --client-id ID`');
  const input = { ...flagsToProfileInput(flags), name: name! };
  if (opts.refreshTokenLifetime !== undefined) input.refreshTokenLifetimeSeconds = parseSeconds(opts.refreshTokenLifetime, '--refresh-token-lifetime');
  const profile = await cliContext(io).profiles.add(input, { replace: Boolean(opts.replace) });
  io.stdout(`saved profile "${profile.name}"\n${describeProfile(profile).join('\n')}\n`);
  if (flags.clientSecretEnv) io.stdout(`the client secret is read from $${flags.clientSecretEnv} at login and kept in the keychain\n`);
};
export default action;
