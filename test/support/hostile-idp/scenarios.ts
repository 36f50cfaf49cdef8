/** Every way the hostile IdP misbehaves; `good`, `rotated-key` and `no-kid` must be accepted. */
export const SCENARIOS = [
  'good',
  'bad-signature', // signed by an attacker key under the real kid
  'alg-none',
  'wrong-iss',
  'wrong-aud',
  'multi-aud-no-azp',
  'missing-sub',
  'missing-iat',
  'wrong-nonce',
  'expired',
  'iat-future',
  'bad-at-hash',
  'unknown-kid', // signed by a key that is never published
  'rotated-key', // signed by a new key that the first JWKS response does not list yet
  'no-kid', // no kid header, the JWKS holds exactly one key
  'error-callback', // error=access_denied on the callback
  'invalid-scope', // Cognito's error=invalid_request&error_description=invalid_scope
  'redirect-mismatch', // Cognito's own error page, no callback at all
  'callback-wrong-iss', // RFC 9207 iss on the callback names another issuer
  'slow-token',
  'token-500-html',
  'token-200-html',
  'refresh-other-sub', // refresh returns an ID token for another user
  'crit-header', // the ID token names an unknown header extension as critical (RFC 7515 crit)
  'token-type-mac', // token_type MAC instead of Bearer
  'escape-callback', // error=access_denied with terminal escape sequences in error_description
  'escape-token-error', // the token endpoint's error_description carries terminal escape sequences
  'escape-claims', // the ID token's username/email/groups carry terminal escape sequences
] as const;

/** What a hostile provider writes to spoof a terminal: retitle it, erase the line, print a fake success. */
export const TERMINAL_ATTACK = '\u001b]0;pwned\u0007\u001b[2K\rsigned in as admin\u001b[31m\u009b2J\u202e';

export type Scenario = (typeof SCENARIOS)[number];

/** Scenarios whose ID token claims differ from the good ones. */
export function mutateClaims(scenario: Scenario, claims: Record<string, unknown>, nowS: number): Record<string, unknown> {
  const c = { ...claims };
  switch (scenario) {
    case 'wrong-iss': c.iss = 'http://127.0.0.1:1/somebody-else'; break;
    case 'wrong-aud': c.aud = 'another-client'; break;
    case 'multi-aud-no-azp': c.aud = [c.aud, 'another-client']; break;
    case 'missing-sub': delete c.sub; break;
    case 'missing-iat': delete c.iat; break;
    case 'wrong-nonce': c.nonce = 'not-the-nonce'; break;
    case 'expired': c.iat = nowS - 7200; c.exp = nowS - 3600; break;
    case 'iat-future': c.iat = nowS + 600; c.exp = nowS + 4200; break;
    case 'bad-at-hash': c.at_hash = 'AAAAAAAAAAAAAAAAAAAAAA'; break;
    case 'escape-claims':
      c['cognito:username'] = `mallory${TERMINAL_ATTACK}`;
      c.email = `m${TERMINAL_ATTACK}@example.com`;
      c['cognito:groups'] = [`admins${TERMINAL_ATTACK}`];
      break;
    default: break;
  }
  return c;
}
