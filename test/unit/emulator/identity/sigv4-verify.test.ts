import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeSigV4, parseAuthorization, verifySigV4, type ReceivedRequest } from '../../../../emulator/identity/sigv4-verify.js';
import { loadSigV4Suite, parseSuiteRequest, suiteCase } from '../../../support/sigv4-suite.js';

// Known answers from AWS's Signature Version 4 test suite (source in the fixture's `source` field):
// every non-S3 case, header-signed, with the suite's fixed key, date, region and service.
const suite = loadSigV4Suite();
const secretFor = (id: string) => (id === suite.accessKeyId ? suite.secretAccessKey : undefined);

describe('SigV4 verifier against the AWS test suite', () => {
  it('holds every non-S3 case of the suite', () => {
    expect(suite.cases.length).toBe(31);
  });

  it.each(suite.cases.map((c) => [c.name, c] as const))('%s: canonical request, string to sign and signature as published', (_name, c) => {
    const req = parseSuiteRequest(c.signedRequest);
    const auth = parseAuthorization(req.headers.authorization?.[0]);
    expect(auth).toMatchObject({ accessKeyId: suite.accessKeyId, date: suite.amzDate.slice(0, 8), region: suite.region, service: suite.service, signature: c.signature });
    expect(auth && computeSigV4(req, auth, suite.secretAccessKey)).toEqual({ canonicalRequest: c.canonicalRequest, stringToSign: c.stringToSign, signature: c.signature });
    expect(verifySigV4(req, secretFor)).toEqual({ ok: true, auth });
  });
});

describe('SigV4 verifier refusals', () => {
  const base = parseSuiteRequest(suiteCase(suite, 'post-x-www-form-urlencoded').signedRequest);
  const withHeader = (name: string, value: string | undefined): ReceivedRequest => {
    const headers = { ...base.headers };
    if (value === undefined) delete headers[name];
    else headers[name] = [value];
    return { ...base, headers };
  };

  it('accepts the untouched request', () => {
    expect(verifySigV4(base, secretFor).ok).toBe(true);
  });

  it.each([
    ['another secret', { ...base }, () => 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEZ'],
    ['a changed body', { ...base, body: 'Param1=value2' }, secretFor],
    ['a changed body with its hash header recomputed', { ...withHeader('x-amz-content-sha256', createHash('sha256').update('Param1=value2').digest('hex')), body: 'Param1=value2' }, secretFor],
    ['a changed path', { ...base, target: '/other' }, secretFor],
    ['a changed query', { ...base, target: '/?x=1' }, secretFor],
    ['a changed method', { ...base, method: 'PUT' }, secretFor],
    ['a changed signed header', withHeader('content-type', 'text/plain'), secretFor],
    ['a signed header missing', withHeader('content-length', undefined), secretFor],
    ['a different date', withHeader('x-amz-date', '20150830T123601Z'), secretFor],
  ] as const)('refuses %s as a mismatch', (_label, req, secrets) => {
    expect(verifySigV4(req, secrets)).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('names an unknown key, a missing and a malformed Authorization apart', () => {
    expect(verifySigV4(base, () => undefined)).toMatchObject({ ok: false, reason: 'unknown-key', auth: { accessKeyId: 'AKIDEXAMPLE' } });
    expect(verifySigV4(withHeader('authorization', undefined), secretFor)).toEqual({ ok: false, reason: 'missing' });
    expect(verifySigV4(withHeader('authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request'), secretFor)).toEqual({ ok: false, reason: 'malformed' });
  });
});
