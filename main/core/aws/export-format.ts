import type { AwsCredentialsEntry } from '../secrets/session-vault.js';

/**
 * Credentials in the shapes other tools read. All of these go to stdout only: they hold the
 * secret key (AWS warns that credential_process stderr ends up in error messages).
 */
export type ExportFormat = 'process' | 'env' | 'ini' | 'json';
export type Shell = 'sh' | 'fish' | 'powershell';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** The credential_process contract: Version 1, Expiration in RFC 3339. */
export function processJson(c: AwsCredentialsEntry): string {
  return JSON.stringify({
    Version: 1,
    AccessKeyId: c.accessKeyId,
    SecretAccessKey: c.secretAccessKey,
    ...(c.sessionToken ? { SessionToken: c.sessionToken } : {}),
    ...(c.expiration !== undefined ? { Expiration: iso(c.expiration) } : {}),
  });
}

function envPairs(c: AwsCredentialsEntry): [string, string][] {
  const pairs: [string, string][] = [
    ['AWS_ACCESS_KEY_ID', c.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', c.secretAccessKey],
  ];
  if (c.sessionToken) pairs.push(['AWS_SESSION_TOKEN', c.sessionToken]);
  const exp = iso(c.expiration);
  if (exp) pairs.push(['AWS_CREDENTIAL_EXPIRATION', exp]);
  return pairs;
}

const single = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;

export function envLines(c: AwsCredentialsEntry, shell: Shell = 'sh'): string {
  return envPairs(c)
    .map(([k, v]) => {
      if (shell === 'fish') return `set -gx ${k} '${v.replace(/[\\']/g, (m) => `\\${m}`)}';`;
      if (shell === 'powershell') return `$env:${k} = '${v.replace(/'/g, "''")}'`;
      return `export ${k}=${single(v)}`;
    })
    .join('\n') + '\n';
}

/** A ~/.aws/credentials block. */
export function iniBlock(c: AwsCredentialsEntry, section: string): string {
  const lines = [`[${section}]`, `aws_access_key_id = ${c.accessKeyId}`, `aws_secret_access_key = ${c.secretAccessKey}`];
  if (c.sessionToken) lines.push(`aws_session_token = ${c.sessionToken}`);
  const exp = iso(c.expiration);
  if (exp) lines.push(`# expires ${exp}`);
  return lines.join('\n') + '\n';
}

export function jsonDocument(c: AwsCredentialsEntry, cached: boolean): Record<string, unknown> {
  return {
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
    ...(c.expiration !== undefined ? { expiration: iso(c.expiration) } : {}),
    ...(c.identityId ? { identityId: c.identityId } : {}),
    ...(c.roleArn ? { roleArn: c.roleArn } : {}),
    cached,
  };
}
