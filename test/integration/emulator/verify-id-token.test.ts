import { describe, expect, it } from 'vitest';
import { generatePoolKeys } from '../../../emulator/keys.js';
import { issueUserTokens } from '../../../emulator/tokens/issue.js';
import { verifyIdToken } from '../../../emulator/tokens/verify.js';
import { parseEmulatorConfig } from '../../../emulator/load-config.js';
import { DEFAULT_CONFIG } from '../../../emulator/default-config.js';

/** The check the identity pool runs on a Logins token, with Cognito's NotAuthorizedException wording. */
describe('verifyIdToken (identity pool hook)', async () => {
  const config = parseEmulatorConfig(DEFAULT_CONFIG);
  const keys = await generatePoolKeys();
  const issuer = 'http://127.0.0.1:1/us-east-1_LocalDemo';
  const client = config.userPool.clients[0]!;
  const user = { username: 'alice', sub: 's', emailVerified: true, groups: [], attributes: {}, status: 'CONFIRMED' as const };
  const t0 = 1_700_000_000;
  const tokens = await issueUserTokens({ config, keys, issuer }, { user, client, scopes: ['openid'], authTime: t0, originJti: 'o-1', now: t0 });
  const ctx = (nowS: number, revoked = false) => ({ keys, issuer, clock: { now: () => nowS * 1000 }, isRevoked: () => revoked });

  it('accepts a valid ID token', async () => {
    await expect(verifyIdToken(ctx(t0 + 10), tokens.idToken ?? '')).resolves.toMatchObject({ token_use: 'id', origin_jti: 'o-1' });
  });

  it.each<[string, () => Promise<unknown>, string]>([
    ['expired', () => verifyIdToken(ctx(t0 + 3700), tokens.idToken ?? ''), `Invalid login token. Token expired: ${t0 + 3700} >= ${t0 + 3600}`],
    ['an access token', () => verifyIdToken(ctx(t0), tokens.accessToken), 'Invalid login token. Not a valid OpenId Connect identity token.'],
    ['another issuer', () => verifyIdToken({ ...ctx(t0), issuer: 'https://elsewhere' }, tokens.idToken ?? ''), "Invalid login token. Issuer doesn't match providerName"],
    ['a tampered signature', () => verifyIdToken(ctx(t0), `${tokens.idToken ?? ''}x`), "Invalid login token. Couldn't verify signed token."],
    ['not a JWT', () => verifyIdToken(ctx(t0), 'nope'), 'Invalid login token. Not a valid OpenId Connect identity token.'],
    ['revoked', () => verifyIdToken(ctx(t0, true), tokens.idToken ?? ''), 'Token is inactive'],
  ])('refuses %s', async (_n, run, message) => {
    await expect(run()).rejects.toThrow(message);
  });
});
