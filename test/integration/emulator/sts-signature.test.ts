import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand, type Credentials } from '@aws-sdk/client-cognito-identity';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { emulatorConfigSchema } from '../../../emulator/config-schema.js';
import { createIdentityService } from '../../../emulator/identity/service.js';
import { signRequest } from '../../../main/core/aws/sigv4.js';

// STS GetCallerIdentity checks SigV4 signatures made with the credentials the emulator issued,
// driven by the real @aws-sdk/client-sts. Guest credentials keep the setup to the identity service.
const REGION = 'us-east-1';
const POOL = 'us-east-1:00000000-0000-0000-0000-00000000000a';
const GUEST = 'arn:aws:iam::123456789012:role/Guest';
const config = emulatorConfigSchema.parse({
  userPool: { id: 'us-east-1_Local', clients: [{ clientId: 'localclient1' }] },
  identityPools: [{ id: POOL, allowUnauthenticated: true, unauthenticatedRoleArn: GUEST, providers: [] }],
});
const MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

let server: Server;
let endpoint: string;
let creds: Credentials;

beforeAll(async () => {
  const service = createIdentityService({ config, clock: { now: () => Date.now() }, verifyUserPoolIdToken: () => Promise.reject(new Error('no user pool here')) });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void service.handle(req, res, Buffer.concat(chunks)).then((handled) => handled || res.writeHead(404).end()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const identity = new CognitoIdentityClient({ region: REGION, endpoint });
  const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: POOL }));
  creds = (await identity.send(new GetCredentialsForIdentityCommand({ IdentityId }))).Credentials ?? {};
  identity.destroy();
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function whoami(secretAccessKey = creds.SecretKey ?? '', accessKeyId = creds.AccessKeyId ?? ''): Promise<{ name: string; status?: number; message: string } | string | undefined> {
  const sts = new STSClient({ region: REGION, endpoint, credentials: { accessKeyId, secretAccessKey, sessionToken: creds.SessionToken ?? '' } });
  try {
    return (await sts.send(new GetCallerIdentityCommand({}))).Arn;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  } finally {
    sts.destroy();
  }
}

/** POSTs BODY to STS with the given headers, as raw HTTP (no SDK to re-sign or fix anything). */
function rawPost(headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(endpoint, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('STS checks SigV4 signatures of the credentials it issued', () => {
  it('answers a correctly signed GetCallerIdentity', async () => {
    expect(await whoami()).toBe('arn:aws:sts::123456789012:assumed-role/Guest/CognitoIdentityCredentials');
  });

  it('refuses a signature made with a tampered secret: SignatureDoesNotMatch, 403', async () => {
    const secret = creds.SecretKey ?? '';
    const tampered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect(await whoami(tampered)).toEqual({ name: 'SignatureDoesNotMatch', status: 403, message: MISMATCH });
  });

  it('refuses an access key it never issued: InvalidClientTokenId, 403', async () => {
    expect(await whoami(creds.SecretKey, 'ASIAAAAAAAAAAAAAAAAA')).toEqual({ name: 'InvalidClientTokenId', status: 403, message: 'The security token included in the request is invalid.' });
  });

  it('refuses a body changed after signing, in STS’s XML error shape', async () => {
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const url = new URL(endpoint);
    const plain = { method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body };
    const aws = { accessKeyId: creds.AccessKeyId ?? '', secretAccessKey: creds.SecretKey ?? '', sessionToken: creds.SessionToken ?? '' };
    const signed = await signRequest(plain, aws, REGION, 'sts');
    expect((await rawPost({ ...plain.headers, ...signed }, body)).status).toBe(200);
    // The same signature over another body (the payload hash header left as signed).
    const other = await rawPost({ ...plain.headers, ...signed }, `${body}&Extra=1`);
    expect(other.status).toBe(403);
    expect(other.body).toMatch(/<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\s*<Error>\s*<Type>Sender<\/Type>\s*<Code>SignatureDoesNotMatch<\/Code>/);
    // Signed for another service: STS says so.
    const wrongService = await rawPost({ ...plain.headers, ...(await signRequest(plain, aws, REGION, 'execute-api')) }, body);
    expect({ status: wrongService.status, code: /<Code>(\w+)<\/Code>/.exec(wrongService.body)?.[1] }).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
  });
});
