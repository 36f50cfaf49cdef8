import type { Action } from '../program.js';
import { cliContext } from '../context.js';
import { flagsToProfileInput } from '../resolve-profile.js';
import type { ProfileFlags } from '../profile-options.js';
import { describeProfile } from '../describe-profile.js';
import { parseSeconds } from '../parse-number.js';
import { usage } from '../output.js';

const action: Action = async (io, opts, [name]) => {
  const changes = flagsToProfileInput(opts as ProfileFlags);
  if (opts.refreshTokenLifetime !== undefined) changes.refreshTokenLifetimeSeconds = parseSeconds(opts.refreshTokenLifetime, '--refresh-token-lifetime');
  if (!Object.keys(changes).length) throw usage('nothing to change', 'give the flags to change, e.g. --scope "openid email"');
  const profile = await cliContext(io).profiles.edit(name!, changes);
  io.stdout(`updated profile "${profile.name}"\n${describeProfile(profile).join('\n')}\n`);
};
export default action;
