import { whoami } from '../../core/aws/whoami.js';
import { fetchFor, printJson } from '../output.js';
import type { Action } from '../program.js';
import type { CredentialFlags } from './credentials-options.js';
import { credentialsFor } from './credentials-resolve.js';
import { clean } from '../../core/text/clean.js';

/** STS GetCallerIdentity with the pool's credentials: the account and the assumed role. */
const action: Action = async (io, opts) => {
  const flags = opts as CredentialFlags & { json?: boolean };
  const { credentials, target, claims } = await credentialsFor(io, flags);
  const me = await whoami(target, credentials, io.trace ? fetchFor(io) : undefined);
  const doc = {
    account: me.account,
    arn: me.arn,
    userId: me.userId,
    ...(credentials.identityId ? { identityId: credentials.identityId } : {}),
    identityPoolId: target.poolId,
    mode: target.mode,
    ...(credentials.expiration !== undefined ? { expiration: new Date(credentials.expiration).toISOString() } : {}),
    roles: claims.roles,
    ...(claims.preferredRole ? { preferredRole: claims.preferredRole } : {}),
  };
  if (flags.json) return printJson(io, doc);
  const rows: [string, string][] = [
    ['account', doc.account],
    ['arn', doc.arn],
    ['user id', doc.userId],
    ['identity id', doc.identityId ?? '-'],
    ['identity pool', `${doc.identityPoolId} (${doc.mode})`],
    ['expires', doc.expiration ?? '-'],
  ];
  if (claims.roles.length) rows.push(['roles', claims.roles.map((r) => (r === claims.preferredRole ? `${r} (preferred)` : r)).join(', ')]);
  // Values come from STS, the identity pool and the token's claims: no terminal control sequences.
  for (const [k, v] of rows) io.stdout(`${k.padEnd(14)}${clean(String(v), 500)}\n`);
};
export default action;
