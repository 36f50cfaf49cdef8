import type { Action } from '../program.js';
import { cliContext } from '../context.js';
import { printJson } from '../output.js';
import { readCurrentProfile } from '../../core/profiles/current-profile.js';

/** Saved profiles; `*` marks the current one (used without --profile), ad-hoc ones are marked as such. */
const action: Action = async (io, opts) => {
  const ctx = cliContext(io);
  const [list, current] = await Promise.all([ctx.profiles.list(), readCurrentProfile(ctx.home)]);
  const currentName = list.some((p) => p.name === current) ? current : undefined;
  if (opts.json) return printJson(io, { profiles: list, ...(currentName ? { current: currentName } : {}) });
  if (!list.length) {
    io.stdout('no profiles yet: `cognito-inspector profiles add NAME --issuer URL --client-id ID`, or `profiles import amplify_outputs.json`\n');
    return;
  }
  const width = Math.max(...list.map((p) => p.name.length));
  for (const p of list) {
    io.stdout(`${p.name === currentName ? '*' : ' '} ${p.name.padEnd(width)}  ${p.issuer}  ${p.clientId}${p.adHoc ? '  (ad-hoc: remembered from --issuer/--client-id)' : ''}\n`);
  }
  if (currentName) io.stdout(`* current: used when no --profile is given (change it with \`cognito-inspector profiles use NAME\`)\n`);
};
export default action;
