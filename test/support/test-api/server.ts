import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { fromIncoming, verifySigV4, type ReceivedRequest } from '../../../emulator/identity/sigv4-verify.js';

/**
 * A small API protected the way API Gateway protects one with a Cognito user pool: the
 * `Authorization` header holds the ID token as-is (the Cognito authorizer's default) or
 * `Bearer <access token>`, verified against the pool's JWKS; or a SigV4 signature (IAM auth),
 * checked here by the emulator's own verifier (not the app's signing library) against the
 * credentials the test registers.
 * Answers 200 with what it saw, 401 for a bad token, 403 for a bad signature.
 */
export interface TestApiOptions {
  issuer: string;
  clientId: string;
  region: string;
  service: string;
}

export interface StaticCreds {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface TestApi {
  url: string;
  /** Lets SigV4 requests signed with these credentials in. */
  allow(creds: StaticCreds): void;
  stop(): Promise<void>;
}

export async function startTestApi(opts: TestApiOptions): Promise<TestApi> {
  const jwks = createRemoteJWKSet(new URL(`${opts.issuer}/.well-known/jwks.json`));
  const allowed = new Map<string, StaticCreds>();

  async function checkToken(authorization: string): Promise<Record<string, unknown>> {
    const bearer = authorization.startsWith('Bearer ');
    const token = bearer ? authorization.slice(7) : authorization;
    const { payload } = await jwtVerify(token, jwks, { issuer: opts.issuer, ...(bearer ? {} : { audience: opts.clientId }) });
    if (payload.token_use !== (bearer ? 'access' : 'id')) throw new Error('wrong token_use');
    if (bearer && payload.client_id !== opts.clientId) throw new Error('wrong client_id');
    return { auth: bearer ? 'access' : 'id', sub: payload.sub, username: payload['cognito:username'] ?? payload.username };
  }

  /** Checked by the emulator's SigV4 verifier (node:crypto, pinned by AWS's test suite), not by the signing library the app uses. */
  async function checkSignature(req: ReceivedRequest, headers: Record<string, string>): Promise<Record<string, unknown>> {
    const check = verifySigV4(req, (id) => allowed.get(id)?.secretAccessKey);
    if (!check.ok) throw new Error(`signature ${check.reason}`);
    const creds = allowed.get(check.auth.accessKeyId);
    if (check.auth.region !== opts.region || check.auth.service !== opts.service) throw new Error('wrong scope');
    if (creds?.sessionToken !== headers['x-amz-security-token']) throw new Error('wrong session token');
    return { auth: 'sigv4', accessKeyId: check.auth.accessKeyId };
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = raw.toString('utf8');
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
      const authorization = headers.authorization ?? '';
      const sigv4 = authorization.startsWith('AWS4-HMAC-SHA256');
      const check = sigv4 ? checkSignature(fromIncoming(req, raw), headers) : authorization ? checkToken(authorization) : Promise.reject(new Error('no Authorization'));
      void check.then(
        (who) => send(200, { ...who, method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body }),
        () => send(sigv4 ? 403 : 401, { message: sigv4 ? 'The request signature we calculated does not match the signature you provided.' : 'Unauthorized' }),
      );
      function send(status: number, doc: unknown): void {
        const text = JSON.stringify(doc);
        res.writeHead(status, { 'Content-Type': 'application/json', 'x-test-api': 'yes' });
        res.end(text);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    allow: (creds) => void allowed.set(creds.accessKeyId, creds),
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
