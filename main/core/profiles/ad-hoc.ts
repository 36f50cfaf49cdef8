import { createHash } from 'node:crypto';

/**
 * A session started with ad-hoc flags is remembered under a profile named from issuer + client id,
 * so a later `status` or `logout` with the same flags finds it.
 */
export function adHocProfileName(issuer: string, clientId: string): string {
  const host = safeHost(issuer);
  const digest = createHash('sha256').update(`${issuer.replace(/\/+$/, '')}\n${clientId}`).digest('hex').slice(0, 10);
  return `adhoc-${host}-${digest}`.slice(0, 64);
}

function safeHost(issuer: string): string {
  try {
    return new URL(issuer).hostname.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 30);
  } catch {
    return 'issuer';
  }
}
