/** Hosts we may talk plain http to: they never leave this machine. `URL.hostname` keeps IPv6 brackets. */
const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname.toLowerCase());
}

/** https anywhere, or http to a loopback host. */
export function isFetchableUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}
