import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * An attacker's own "issuer" on 127.0.0.1: it publishes a discovery document and a JWKS for a key
 * it holds, so it can mint any token naming itself as `iss` (sub: admin, cognito:groups: [admins]).
 * `redirects` makes a path answer 302 to another URL instead (a redirect chain into somewhere else).
 */
export interface SelfIssuer {
  issuer: string;
  origin: string;
  /** Every request as `METHOD /path`, in order. */
  requests: string[];
  mint(claims?: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

export async function startSelfIssuer(opts: { redirects?: Record<string, string> } = {}): Promise<SelfIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'attacker-key', alg: 'RS256', use: 'sig' };
  const requests: string[] = [];
  let issuer = '';
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const to = opts.redirects?.[req.url ?? ''];
    if (to) return void res.writeHead(302, { location: to }).end();
    const body = req.url === '/pool/.well-known/openid-configuration' ? { issuer, jwks_uri: `${issuer}/.well-known/jwks.json` }
      : req.url === '/pool/.well-known/jwks.json' ? { keys: [jwk] } : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = `${origin}/pool`;
  return {
    issuer,
    origin,
    requests,
    mint: (claims = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        sub: 'admin', 'cognito:username': 'admin', 'cognito:groups': ['admins'], token_use: 'id', aud: 'any-client',
        iss: issuer, iat: now - 10, auth_time: now - 10, exp: now + 3600, ...claims,
      }).setProtectedHeader({ alg: 'RS256', kid: 'attacker-key' }).sign(privateKey);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
