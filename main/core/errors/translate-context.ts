import { clean } from '../text/clean.js';

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

/** Server-provided text is shown to the user: one short line, control characters escaped. */
export function clip(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return clean(oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine, max + 1);
}
