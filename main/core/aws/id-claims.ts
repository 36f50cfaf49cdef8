/**
 * The few ID token claims the identity pool flows need, read without verifying (the identity pool
 * verifies; we only choose what to send). Plain base64url + JSON: the cached-credentials path must
 * not load jose.
 */
export interface IdClaims {
  sub?: string;
  /** cognito:roles: a JSON array in current tokens, a comma-separated string in older docs. */
  roles: string[];
  preferredRole?: string;
  exp?: number;
}

export function readIdClaims(idToken: string | undefined): IdClaims {
  const payload = idToken ? decodePayload(idToken) : undefined;
  if (!payload) return { roles: [] };
  const raw = payload['cognito:roles'];
  const roles = Array.isArray(raw)
    ? raw.filter((r): r is string => typeof r === 'string')
    : typeof raw === 'string'
      ? raw.split(',').map((r) => r.trim()).filter(Boolean)
      : [];
  const preferred = payload['cognito:preferred_role'];
  return {
    ...(typeof payload.sub === 'string' ? { sub: payload.sub } : {}),
    roles,
    ...(typeof preferred === 'string' && preferred ? { preferredRole: preferred } : {}),
    ...(typeof payload.exp === 'number' ? { exp: payload.exp } : {}),
  };
}

function decodePayload(jwt: string): Record<string, unknown> | undefined {
  const part = jwt.split('.')[1];
  if (!part) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
