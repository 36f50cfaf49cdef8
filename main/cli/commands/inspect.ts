import type { Action } from '../program.js';
import { runInspection } from '../../core/inspect/run-inspection.js';
import { formatInspectReport, inspectExitCode, inspectReportJson, type TokenUse } from '../../core/inspect/index.js';
import { printJson } from '../output.js';

/** Exit 0 valid (or well formed and not verifiable), 1 invalid, 2 not a JWT. */
const action: Action = async (io, opts, [arg]) => {
  const input = !arg || arg === '-' ? await io.readStdin() : arg;
  const report = await runInspection(input, {
    now: Date.now(),
    fetch: globalThis.fetch,
    ...(typeof opts.jwks === 'string' ? { jwks: opts.jwks } : {}),
    ...(typeof opts.issuer === 'string' ? { issuer: opts.issuer } : {}),
    ...(typeof opts.audience === 'string' ? { audience: opts.audience } : {}),
    ...(opts.tokenUse === 'id' || opts.tokenUse === 'access' ? { tokenUse: opts.tokenUse as TokenUse } : {}),
    ...(opts.offline ? { offline: true } : {}),
  });
  if (opts.json) printJson(io, inspectReportJson(report));
  else io.stdout(formatInspectReport(report, { color: opts.color !== false && io.isTTY && !io.env.NO_COLOR }));
  return inspectExitCode(report.decoded, report.verification);
};
export default action;
