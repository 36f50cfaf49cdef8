/**
 * Hosts that never leave this machine: the only ones plain http is allowed to (the local pool, test
 * IdPs, our own loopback listener). `URL.hostname` keeps IPv6 brackets, so both forms are accepted.
 */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/** A Host header (`name[:port]`) naming this machine. */
export function isLoopbackHostHeader(host: string): boolean {
  const m = /^(\[[^\]]+\]|[^:]+)(?::\d{1,5})?$/.exec(host);
  return Boolean(m && isLoopbackHost(m[1]!));
}
