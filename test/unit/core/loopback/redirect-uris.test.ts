import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../../main/core/errors/app-error.js';
import { parseRedirectUris, withPort } from '../../../../main/core/loopback/redirect-uris.js';

describe('parseRedirectUris', () => {
  it('keeps the order, ports and paths', () => {
    expect(parseRedirectUris(['http://localhost:53682/callback', 'http://127.0.0.1:53683/cb/']).map(({ port, path }) => ({ port, path })))
      .toEqual([{ port: 53682, path: '/callback' }, { port: 53683, path: '/cb/' }]);
  });
  it.each([
    ['https://localhost:53682/callback'],
    ['http://example.com:53682/callback'],
    ['http://localhost:53682/callback?x=1'],
    ['http://localhost:53682/callback#f'],
    ['not a url'],
  ])('rejects %s with INVALID_CONFIG', (uri) => {
    expect(() => parseRedirectUris([uri])).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }) as AppError);
  });
  it('rejects an empty list', () => {
    expect(() => parseRedirectUris([])).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }) as AppError);
  });
});

describe('withPort', () => {
  it('keeps the exact string when the port is unchanged and substitutes an ephemeral one', () => {
    const [fixed, ephemeral] = parseRedirectUris(['http://localhost:53682/callback', 'http://localhost:0/callback']);
    expect([withPort(fixed!, 53682), withPort(ephemeral!, 40111)]).toEqual(['http://localhost:53682/callback', 'http://localhost:40111/callback']);
  });
});
