import type { InspectVerify } from '../ipc/contract.js';
import type { InspectReportJson } from '../inspect/report.js';
import type { InspectionOptions } from '../inspect/run-inspection.js';
import type { Fetch } from '../ports.js';
import type { ProfileStore } from '../profiles/store.js';

export interface InspectTokenRequest {
  token: string;
  audience?: string;
  verify?: InspectVerify;
}

/**
 * The window's inspector. Without `verify` it decodes and explains only: no request leaves the
 * machine, whatever the token's `iss` says. With `verify`, keys come from exactly the source named
 * there; a saved profile's issuer counts as pinned (the session's own tokens can be `valid`).
 */
export async function inspectTokenForWindow(
  req: InspectTokenRequest,
  deps: { now: number; fetch: Fetch; profiles: ProfileStore },
): Promise<InspectReportJson> {
  const { runInspection } = await import('../inspect/run-inspection.js');
  const { inspectReportJson } = await import('../inspect/report.js');
  const opts: InspectionOptions = { now: deps.now, fetch: deps.fetch, ...(req.audience ? { audience: req.audience } : {}) };
  const v = req.verify;
  if (!v) opts.offline = true;
  else if ('profile' in v) {
    const profile = await deps.profiles.get(v.profile);
    opts.issuer = profile.issuer;
    opts.pinnedBy = `saved profile ${JSON.stringify(profile.name)}`;
    // The profile's own app client: ID tokens carry it as aud, access tokens as client_id.
    opts.audience ??= profile.clientId;
  } else if ('issuer' in v) {
    opts.issuer = v.issuer;
    opts.pinnedBy = 'the issuer you entered';
  } else if ('jwksUrl' in v) {
    opts.jwks = v.jwksUrl;
    opts.pinnedBy = 'the JWKS URL you entered';
  } else {
    opts.savedIssuers = (await deps.profiles.list()).map((p) => ({ issuer: p.issuer, profile: p.name }));
  }
  return inspectReportJson(await runInspection(req.token, opts));
}
