/** The inspect report as the window reads it (the core's `inspect --json` document). */
export interface ClaimRow {
  name: string;
  value: unknown;
  explanation: string;
  time?: { utc: string; local: string; relative: string };
}
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}
export interface Report {
  kind: string;
  header: Record<string, unknown> | null;
  payload: Record<string, unknown> | null;
  claims: ClaimRow[];
  warnings: { code: string; message: string }[];
  problems: { part: string; message: string }[];
  notes: string[];
  verification: {
    status: 'valid' | 'invalid' | 'unverified' | 'unpinned';
    keySource?: string;
    checks: Check[];
    error?: { code: string; message: string; hint: string };
  } | null;
}

/** Claims Cognito adds on top of JWT and OpenID Connect. */
export function isCognitoClaim(name: string): boolean {
  return name.startsWith('cognito:') || name.startsWith('custom:') || ['token_use', 'client_id', 'username', 'origin_jti', 'event_id', 'identities', 'version'].includes(name);
}

/** The kid that matched, from the verification's kid check ("kid X found in the JWKS"). */
export function matchedKid(report: Report): string | undefined {
  const check = report.verification?.checks.find((c) => c.name === 'kid' && c.ok);
  return check ? (typeof report.header?.kid === 'string' ? report.header.kid : undefined) : undefined;
}
