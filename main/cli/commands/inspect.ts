import type { Action } from '../program.js';
import { runInspection } from '../../core/inspect/run-inspection.js';
import { formatInspectReport, inspectExitCode, inspectReportJson, type TokenUse } from '../../core/inspect/index.js';
import { cliContext } from '../context.js';
import { printJson } from '../output.js';

/**
 * Exit 0 valid (keys pinned by --issuer, --jwks or a saved profile's issuer) or decoded only
 * (--offline); 1 invalid, unpinned or unverified; 2 not a JWT.
 */
const action: Action = async (io, opts, [arg]) => {
  const fromStdin = !arg || arg === '-';
  // A person at a terminal, not a pipe: say what the silence is waiting for.
  if (fromStdin && io.stdinIsTTY) io.stderr('paste a token, then press Enter and Ctrl-D\n');
  const input = fromStdin ? await io.readStdin() : arg;
  const pinned = typeof opts.jwks === 'string' || typeof opts.issuer === 'string' || Boolean(opts.offline);
  // A token from a saved profile's issuer is checked against it as pinned; a broken profiles file
  // only means nothing is pinned that way.
  const savedIssuers = pinned ? [] : await cliContext(io).profiles.list().then((l) => l.map((p) => ({ issuer: p.issuer, profile: p.name })), () => []);
  const report = await runInspection(input, {
    savedIssuers,
    now: Date.now(),
    fetch: globalThis.fetch,
    ...(typeof opts.jwks === 'string' ? { jwks: opts.jwks, pinnedBy: '--jwks' } : {}),
    ...(typeof opts.issuer === 'string' ? { issuer: opts.issuer, pinnedBy: '--issuer' } : {}),
    ...(typeof (opts.audience ?? opts.clientId) === 'string' ? { audience: String(opts.audience ?? opts.clientId) } : {}),
    ...(opts.tokenUse === 'id' || opts.tokenUse === 'access' ? { tokenUse: opts.tokenUse as TokenUse } : {}),
    ...(opts.offline ? { offline: true } : {}),
  });
  if (opts.json) printJson(io, inspectReportJson(report));
  else io.stdout(formatInspectReport(report, { color: opts.color !== false && io.isTTY && !io.env.NO_COLOR }));
  return inspectExitCode(report.decoded, report.verification);
};
export default action;
