/** What the translator may mention in a hint. Never a secret: only whether a secret was configured. */
export interface TranslateContext {
  redirectUri?: string;
  scopes?: string[];
  clientId?: string;
  issuer?: string;
  /** Whether the caller configured a client secret (for invalid_client hints). */
  hasClientSecret?: boolean;
  /** Which step failed, for wording: discovery, the browser round trip, the token or revocation request. */
  stage?: 'discovery' | 'authorize' | 'token' | 'refresh' | 'revoke';
}

/** Server-provided text is shown to the user; keep it to one short line. */
export function clip(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
