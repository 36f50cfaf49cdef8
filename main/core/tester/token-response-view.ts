import { redactBody } from '../trace/redact.js';

/** The token endpoint's raw JSON two ways, pretty-printed for the window. */
export interface TokenResponseView {
  status: number;
  /** Every token replaced by the Timeline's marker (‹redacted:3fa2›: the same token, the same marker). */
  masked: string;
  /** The ID and access tokens in full (the window shows them decoded anyway); the refresh token stays masked. */
  shown: string;
}

/** Tokens the window may show in full; anything else with a secret name (the refresh token) stays masked in both views. */
const SHOWABLE = ['id_token', 'access_token'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Masks the raw token response with the redaction the Timeline uses, so the two can be compared.
 * Not JSON (a proxy's HTML page): the text, redacted, in both views.
 */
export function tokenResponseView(status: number, text: string): TokenResponseView {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const redacted = redactBody(text);
    return { status, masked: redacted, shown: redacted };
  }
  const masked: unknown = JSON.parse(redactBody(text, 'application/json'));
  let shown = masked;
  if (isObject(raw) && isObject(masked)) {
    const full = Object.fromEntries(SHOWABLE.filter((k) => typeof raw[k] === 'string').map((k) => [k, raw[k]]));
    shown = { ...masked, ...full }; // the masked object's key order: the keys exist already
  }
  return { status, masked: JSON.stringify(masked, null, 2), shown: JSON.stringify(shown, null, 2) };
}
