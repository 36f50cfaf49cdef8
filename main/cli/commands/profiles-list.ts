import type { Action } from '../program.js';
import { cliContext } from '../context.js';
import { printJson } from '../output.js';

const action: Action = async (io, opts) => {
  const list = await cliContext(io).profiles.list();
  if (opts.json) return printJson(io, { profiles: list });
  if (!list.length) {
    io.stdout('no profiles yet: `cognito-inspector profiles add NAME --issuer URL --client-id ID`, or `profiles import amplify_outputs.json`\n');
    return;
  }
  const width = Math.max(...list.map((p) => p.name.length));
  for (const p of list) io.stdout(`${p.name.padEnd(width)}  ${p.issuer}  ${p.clientId}${p.adHoc ? '  (ad-hoc)' : ''}\n`);
};
export default action;
