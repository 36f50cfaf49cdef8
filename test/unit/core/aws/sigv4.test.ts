import { describe, expect, it } from 'vitest';
import { verifySigV4 } from '../../../../emulator/identity/sigv4-verify.js';
import { signRequest } from '../../../../main/core/aws/sigv4.js';
import { loadSigV4Suite, parseSuiteRequest, suiteCase } from '../../../support/sigv4-suite.js';

// The product's signer against AWS's Signature Version 4 test suite (the fixture's `source` names
// the copy): fixed key AKIDEXAMPLE, 20150830T123600Z, us-east-1, service "service".
const suite = loadSigV4Suite();
const AT = new Date('2015-08-30T12:36:00Z');
const creds = (sessionToken?: string) => ({ accessKeyId: suite.accessKeyId, secretAccessKey: suite.secretAccessKey, ...(sessionToken ? { sessionToken } : {}) });
/** Headers the signer adds (and Host, which it signs but leaves to fetch): not the caller's. */
const ADDED = new Set(['host', 'x-amz-date', 'authorization', 'x-amz-security-token', 'x-amz-content-sha256']);

/** The suite case as the caller would hand it to signRequest: URL, method, its own headers, body. */
function callerRequest(name: string) {
  const c = suiteCase(suite, name);
  const req = parseSuiteRequest(c.signedRequest);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (!ADDED.has(k) && v) headers[k] = v.join(',');
  const body = typeof req.body === 'string' ? req.body : req.body.toString('utf8');
  return { c, suiteReq: req, plain: { method: req.method, url: new URL(`https://example.amazonaws.com${req.target}`), headers, ...(body ? { body } : {}) } };
}

describe('signRequest: AWS test suite known answers', () => {
  // The signer always signs X-Amz-Content-Sha256, so the cases that sign the body are the ones whose
  // published Authorization it must reproduce byte for byte.
  it.each(['post-x-www-form-urlencoded', 'post-x-www-form-urlencoded-parameters'])('%s: the published Authorization, date and payload hash', async (name) => {
    const { c, suiteReq, plain } = callerRequest(name);
    const headers = await signRequest(plain, creds(), suite.region, suite.service, AT);
    expect(headers.authorization).toBe(suiteReq.headers.authorization?.[0]);
    expect(headers.authorization).toContain(`Signature=${c.signature}`);
    expect(headers['x-amz-date']).toBe(suite.amzDate);
    expect(headers['x-amz-content-sha256']).toBe(suiteReq.headers['x-amz-content-sha256']?.[0]);
  });
});

describe('signRequest: accepted by the suite-checked verifier', () => {
  // For the other cases the signer adds a signed payload-hash header the suite does not have, so the
  // published signature cannot match; instead the independent verifier, which reproduces all 31
  // published answers, must accept what signRequest produced (paths encoded twice, query sorted,
  // header values trimmed, the session token signed).
  it.each([
    'get-vanilla',
    'get-vanilla-query-order-key-case',
    'get-vanilla-query-order-encoded',
    'get-vanilla-utf8-query',
    'get-utf8',
    'get-space-normalized',
    'get-unreserved',
    'get-header-value-trim',
    'post-header-key-case',
    'post-vanilla-query',
    'get-vanilla-with-session-token',
  ])('%s', async (name) => {
    const { c, plain } = callerRequest(name);
    const headers = await signRequest(plain, creds(c.sessionToken), suite.region, suite.service, AT);
    const sent = {
      method: plain.method,
      target: plain.url.pathname + plain.url.search,
      headers: Object.fromEntries([['host', [plain.url.host]], ...Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [v]])]) as Record<string, string[]>,
      body: plain.body ?? '',
    };
    const secretFor = (id: string) => (id === suite.accessKeyId ? suite.secretAccessKey : undefined);
    expect(verifySigV4(sent, secretFor)).toMatchObject({ ok: true });
    if (c.sessionToken) expect(headers.authorization).toContain('x-amz-security-token');
    // And a byte changed after signing is caught, so the agreement above is not vacuous.
    expect(verifySigV4({ ...sent, target: `${sent.target}x` }, secretFor)).toMatchObject({ ok: false, reason: 'mismatch' });
  });
});
