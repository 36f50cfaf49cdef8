import type { Action } from '../program.js';
import { cliContext } from '../context.js';
import { printJson } from '../output.js';
import { describeProfile } from '../describe-profile.js';

const action: Action = async (io, opts, [name]) => {
  const profile = await cliContext(io).profiles.get(name!);
  if (opts.json) return printJson(io, profile);
  io.stdout(describeProfile(profile).join('\n') + '\n');
};
export default action;
