import { decodeToken, explainClaims, verifyToken, warningsFor, type InspectReportInput, type TokenUse } from './index.js';
import type { Fetch } from '../ports.js';

/**
 * One inspection as the CLI and the app run it: decode, explain, warn, and verify when keys can be
 * found (never from a plain-http issuer off loopback; that rule lives in verifyToken).
 */
export interface InspectionOptions {
  now: number;
  fetch: Fetch;
  jwks?: string;
  issuer?: string;
  /** Who pinned `issuer`/`jwks` (shown in the report); default "the issuer given" and so on. */
  pinnedBy?: string;
  /**
   * Issuers the person saved as profiles. With no `issuer`/`jwks`, a token whose `iss` is exactly one
   * of these is verified against it as pinned (so it can be `valid`); any other `iss` is `unpinned`.
   */
  savedIssuers?: readonly SavedIssuer[];
  audience?: string;
  tokenUse?: TokenUse;
  /** Decode and explain only: no key fetch. */
  offline?: boolean;
  timeZone?: string;
}

export interface SavedIssuer {
  issuer: string;
  profile: string;
}

export async function runInspection(input: string, opts: InspectionOptions): Promise<InspectReportInput> {
  const decoded = decodeToken(input);
  const payload = decoded.payload ?? {};
  const claims = explainClaims(payload, { now: opts.now, ...(opts.tokenUse ? { tokenUse: opts.tokenUse } : {}), ...(opts.timeZone ? { timeZone: opts.timeZone } : {}) });
  const warnings = warningsFor(decoded, {
    now: opts.now,
    ...(opts.audience ? { expectedAudience: opts.audience } : {}),
    ...(opts.tokenUse ? { expectedTokenUse: opts.tokenUse } : {}),
    ...(opts.issuer ? { expectedIssuer: opts.issuer } : {}),
  });
  if (decoded.kind !== 'jwt' || opts.offline) return { decoded, claims, warnings };
  const saved = opts.jwks || opts.issuer ? undefined : opts.savedIssuers?.find((s) => s.issuer === payload['iss']);
  const issuer = opts.issuer ?? saved?.issuer;
  const pinnedBy = saved ? `saved profile ${JSON.stringify(saved.profile)}` : opts.pinnedBy;
  const verification = await verifyToken(decoded, {
    now: opts.now,
    fetch: opts.fetch,
    ...(opts.jwks ? { jwks: opts.jwks } : {}),
    ...(issuer ? { issuer } : {}),
    ...(pinnedBy ? { pinnedBy } : {}),
    ...(opts.audience ? { audience: opts.audience } : {}),
    ...(opts.tokenUse ? { tokenUse: opts.tokenUse } : {}),
  });
  return { decoded, claims, warnings, verification };
}
