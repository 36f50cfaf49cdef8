/** One scope of a Try: asked for, granted, and whether the profile asks for it anyway. */
export interface ScopeRow {
  scope: string;
  asked: boolean;
  /** undefined: nothing said which scopes were granted. */
  granted: boolean | undefined;
  inProfile: boolean;
}

export interface ScopeDiff {
  rows: ScopeRow[];
  /** Asked for, not in the grant. */
  notGranted: string[];
  /** In the grant, not asked for. */
  notAsked: string[];
  /** Where the granted list came from. */
  source: 'access token' | 'token response' | undefined;
}

/**
 * Scopes asked vs granted. The access token's `scope` claim is what APIs check, so it wins over the
 * token response's `scope` (Cognito's response has none). Asked ones first, in the order asked, then
 * granted extras.
 */
export function scopeDiff(asked: string[], granted: { accessToken?: string[]; response?: string[] } | undefined, profile: string[]): ScopeDiff {
  const source = granted?.accessToken ? 'access token' : granted?.response ? 'token response' : undefined;
  const list = granted?.accessToken ?? granted?.response;
  const got = list ? new Set(list) : undefined;
  const want = new Set(asked);
  const inProfile = new Set(profile);
  const all = [...new Set([...asked, ...(list ?? [])])];
  const rows = all.map((scope) => ({ scope, asked: want.has(scope), granted: got ? got.has(scope) : undefined, inProfile: inProfile.has(scope) }));
  return {
    rows,
    notGranted: got ? asked.filter((s) => !got.has(s)) : [],
    notAsked: (list ?? []).filter((s) => !want.has(s)),
    source,
  };
}
