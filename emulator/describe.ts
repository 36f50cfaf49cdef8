import type { EmulatorConfig } from './config-schema.js';

/** Minimal view of a running emulator, so this file does not depend on index.ts. */
export interface DescribableEmulator {
  url: string;
  issuer: string;
  config: EmulatorConfig;
}

/**
 * The start-up lines, one fact per line so a script can grep them:
 * `issuer: ...`, `client: <id> (<name>)`, `identity-pool: <id> endpoint: <url>`, `user: <name> / <password>`.
 */
export function describeEmulator(e: DescribableEmulator): string[] {
  const pool = e.config.userPool;
  const lines = [`issuer: ${e.issuer}`, `hosted-ui: ${e.url}`, `discovery: ${e.issuer}/.well-known/openid-configuration`];
  for (const c of pool.clients) lines.push(`client: ${c.clientId} (${c.name})${c.secret === undefined ? '' : ' [confidential]'}`);
  for (const ip of e.config.identityPools) lines.push(`identity-pool: ${ip.id} endpoint: ${e.url}/`);
  for (const u of pool.users) lines.push(`user: ${u.username} / ${u.password}`);
  if (pool.google.enabled) for (const g of pool.google.accounts) lines.push(`google-account: ${g.email} (sub ${g.sub})`);
  return lines;
}
