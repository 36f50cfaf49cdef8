import { describe, expect, it } from 'vitest';
import { resolveApiUrl, sendApiRequest } from '../../../../main/core/aws/call-api.js';
import { recordingFetch } from '../../../support/recording-fetch.js';

const BASE = 'https://api.example.com/prod';
const code = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('resolveApiUrl: where a token may be sent', () => {
  it.each([
    ['/pets?kind=dog', 'https://api.example.com/prod/pets?kind=dog'],
    ['pets', 'https://api.example.com/prod/pets'],
    ['//evil.example/x', 'https://api.example.com/prod/evil.example/x'],
    ['/\\evil.example/x', 'https://api.example.com/evil.example/x'],
  ])('%s stays on the API origin → %s', (target, want) => {
    expect(resolveApiUrl(target, BASE, 'p').href).toBe(want);
  });

  it.each([
    // relative targets a URL parser reads as another host
    ['\\\\evil.example/x', BASE, 'INSECURE_ENDPOINT'],
    ['\\/evil.example/x', BASE, 'INSECURE_ENDPOINT'],
    ['/\\/evil.example/x', BASE, 'INSECURE_ENDPOINT'],
    // plain http off this machine, absolute or through the base URL
    ['http://api.example.com/x', BASE, 'INSECURE_ENDPOINT'],
    ['HTTP://api.example.com/x', BASE, 'INSECURE_ENDPOINT'],
    ['http:api.example.com/x', BASE, 'INSECURE_ENDPOINT'],
    ['/x', 'http://api.example.com/prod', 'INSECURE_ENDPOINT'],
    ['file:///etc/passwd', BASE, 'INSECURE_ENDPOINT'],
    ['/x', undefined, 'BAD_USAGE'],
    ['http://127.0.0.1:8080/x', undefined, 'ok'],
    ['/x', 'http://localhost:8080/prod', 'ok'],
  ])('%s (base %s) → %s', (target, base, want) => {
    expect(code(() => resolveApiUrl(target, base, 'p'))).toBe(want);
  });
});

describe('sendApiRequest', () => {
  it('refuses plain http to a non-loopback host before any request, token and all', async () => {
    const rec = recordingFetch();
    const req = { method: 'GET', url: new URL('http://api.example.test/pets'), headers: { Authorization: 'eyJ.secret.token' } };
    const err = await sendApiRequest(req, rec.fetch).catch((e: unknown) => e);
    expect([(err as { code?: string }).code, rec.requested]).toEqual(['INSECURE_ENDPOINT', []]);
  });
});
