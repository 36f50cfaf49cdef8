import { isAllowedEgress } from '../net/egress.js';
import { isLoopbackHost } from '../net/loopback.js';

export { isLoopbackHost };

/** https anywhere, or http to a loopback host (the one egress rule, main/core/net/egress.ts). */
export function isFetchableUrl(url: URL): boolean {
  return isAllowedEgress(url);
}
