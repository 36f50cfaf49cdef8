import { isLoopbackHost } from '../net/loopback.js';

export { isLoopbackHost };

/** https anywhere, or http to a loopback host. */
export function isFetchableUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}
