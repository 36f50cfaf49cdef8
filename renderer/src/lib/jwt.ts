/**
 * Local, display-only JWT helpers: splitting a token for colouring and reading its payload for
 * the diff and the header's name. Nothing here verifies anything; the core's report does that.
 */
export interface JwtParts {
  header: string;
  payload: string;
  signature: string;
}

export function jwtParts(token: string): JwtParts | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return undefined;
  return { header: parts[0]!, payload: parts[1]!, signature: parts[2]! };
}

function base64UrlDecode(part: string): string {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bin = atob(b64);
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export function decodePayload(token: string | undefined): Record<string, unknown> | undefined {
  const parts = token ? jwtParts(token) : undefined;
  if (!parts) return undefined;
  try {
    const value: unknown = JSON.parse(base64UrlDecode(parts.payload));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** Who is signed in, and through which provider (from the `identities` claim Cognito adds for federated users). */
export function userOf(idToken: string | undefined): { name?: string; email?: string; username?: string; provider?: string } {
  const c = decodePayload(idToken);
  if (!c) return {};
  const identities = Array.isArray(c.identities) ? (c.identities as unknown[]) : [];
  const provider = identities.map((i) => (i && typeof i === 'object' ? str((i as Record<string, unknown>).providerName) ?? str((i as Record<string, unknown>).providerType) : undefined)).find(Boolean);
  const name = str(c.name) ?? ([str(c.given_name), str(c.family_name)].filter(Boolean).join(' ') || undefined);
  const username = str(c['cognito:username']) ?? str(c.preferred_username) ?? str(c.username);
  return { ...(name ? { name } : {}), ...(str(c.email) ? { email: str(c.email) } : {}), ...(username ? { username } : {}), ...(provider ? { provider } : {}) };
}

/** cognito:roles as a list: a JSON array in current tokens, a comma-separated string in older ones. */
export function rolesOf(idToken: string | undefined): string[] {
  const raw = decodePayload(idToken)?.['cognito:roles'];
  if (Array.isArray(raw)) return raw.filter((r): r is string => typeof r === 'string');
  return typeof raw === 'string' ? raw.split(',').map((r) => r.trim()).filter(Boolean) : [];
}
