import type { Action } from '../program.js';
import { cliContext } from '../context.js';
import { writeCurrentProfile } from '../../core/profiles/current-profile.js';

/** Makes NAME the current profile: commands given neither --profile nor ad-hoc flags use it. */
const action: Action = async (io, _opts, [name]) => {
  const ctx = cliContext(io);
  const profile = await ctx.profiles.get(name!); // PROFILE_NOT_FOUND with the known names
  await writeCurrentProfile(ctx.home, profile.name);
  io.stdout(`current profile: "${profile.name}" (used when no --profile is given)\n`);
};
export default action;
