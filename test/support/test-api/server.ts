import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createRemoteJWKSet, jwtVerify } from 'jose';

/**
 * A small API protected the way API Gateway protects one with a Cognito user pool: the
 * `Authorization` header holds the ID token as-is (the Cognito authorizer's default) or
 * `Bearer <access token>`, verified against the pool's JWKS; or a SigV4 signature (IAM auth),
 * recomputed here with the same signing library from the credentials the test registers.
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

const SIGV4 = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

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

  async function checkSignature(method: string, url: URL, headers: Record<string, string>, body: string): Promise<Record<string, unknown>> {
    const m = SIGV4.exec(headers.authorization ?? '');
    if (!m) throw new Error('not a SigV4 Authorization header');
    const [, accessKeyId = '', , region, service, signedHeaders = '', signature] = m;
    const creds = allowed.get(accessKeyId);
    if (!creds || region !== opts.region || service !== opts.service) throw new Error('unknown key or scope');
    if (creds.sessionToken !== headers['x-amz-security-token']) throw new Error('wrong session token');
    const toSign: Record<string, string> = {};
    for (const name of signedHeaders.split(';')) if (name !== 'x-amz-content-sha256' && headers[name] !== undefined) toSign[name] = headers[name];
    const dateText = headers['x-amz-date'] ?? '';
    const signingDate = new Date(dateText.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    const query: Record<string, string> = Object.fromEntries(url.searchParams);
    const signer = new SignatureV4({ credentials: creds, region: opts.region, service: opts.service, sha256: Sha256 });
    // The payload hash is recomputed from the body received, not taken from the header.
    const signed = await signer.sign(
      { method, protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, query, headers: toSign, ...(body ? { body } : {}) },
      { signingDate },
    );
    const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))?.[1];
    if (expected !== signature) throw new Error('signature mismatch');
    return { auth: 'sigv4', accessKeyId };
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
      const authorization = headers.authorization ?? '';
      const sigv4 = authorization.startsWith('AWS4-HMAC-SHA256');
      const check = sigv4 ? checkSignature(req.method ?? 'GET', url, headers, body) : authorization ? checkToken(authorization) : Promise.reject(new Error('no Authorization'));
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
