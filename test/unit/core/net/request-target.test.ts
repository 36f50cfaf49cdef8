import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from '../../../../main/core/net/request-target.js';

describe('parseRequestTarget', () => {
  it.each([
    ['/callback?code=a&state=b', '/callback', '?code=a&state=b'],
    ['/', '/', ''],
    ['/a[b]/%zz?x=%', '/a[b]/%zz', '?x=%'],
    ['/done?id=1#frag', '/done', '?id=1'],
  ])('%s → path %s, query %s', (raw, path, search) => {
    const url = parseRequestTarget(raw);
    expect([url?.pathname, url?.search]).toEqual([path, search]);
  });

  // Each would throw in new URL(raw, base) or be read as another host's path.
  it.each([undefined, '', '*', '//', '///', '//[', '//evil.example/callback', '/\\evil.example/x', '/callback\\..', 'http://evil.example/', 'localhost:1'])(
    'refuses %j', (raw) => {
      expect(parseRequestTarget(raw)).toBeUndefined();
    });
});
