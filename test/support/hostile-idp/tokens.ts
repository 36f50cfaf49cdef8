import { createHash, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Keys, SigningKey } from './keys.js';
import { mutateClaims, type Scenario } from './scenarios.js';

const b64u = (v: string | Buffer) => Buffer.from(v).toString('base64url');

export function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');
}

function signingKey(scenario: Scenario, keys: Keys): { key: SigningKey; kid: string | undefined } {
  switch (scenario) {
    case 'bad-signature': return { key: keys.attacker, kid: 'key-a' };
    case 'unknown-kid': return { key: keys.stray, kid: keys.stray.kid };
    case 'rotated-key': return { key: keys.next, kid: keys.next.kid };
    case 'no-kid': return { key: keys.lone, kid: undefined };
    default: return { key: keys.current, kid: keys.current.kid };
  }
}

export async function issueIdToken(opts: {
  scenario: Scenario; keys: Keys; issuer: string; clientId: string; sub: string; nonce?: string; accessToken: string; nowS: number;
}): Promise<string> {
  const base: Record<string, unknown> = {
    iss: opts.issuer, sub: opts.sub, aud: opts.clientId, iat: opts.nowS, exp: opts.nowS + 3600, auth_time: opts.nowS,
    at_hash: atHash(opts.accessToken), email: 'alice@example.com', token_use: 'id',
    ...(opts.nonce !== undefined && { nonce: opts.nonce }),
  };
  const claims = mutateClaims(opts.scenario, base, opts.nowS);
  if (opts.scenario === 'alg-none') {
    return `${b64u(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64u(JSON.stringify(claims))}.`;
  }
  const { key, kid } = signingKey(opts.scenario, opts.keys);
  // jose refuses to sign a crit it does not know unless told which extensions are "recognized".
  const crit = opts.scenario === 'crit-header' ? { crit: ['urn:example:must-understand'], 'urn:example:must-understand': true } : {};
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(kid !== undefined && { kid }), ...crit })
    .sign(key.privateKey, opts.scenario === 'crit-header' ? { crit: { 'urn:example:must-understand': true } } : undefined);
}

export const randomToken = (prefix: string) => `${prefix}-${randomBytes(24).toString('base64url')}`;
