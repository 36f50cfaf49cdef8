import { createHash, randomBytes, randomInt } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** What STS GetCallerIdentity needs to know about a key it handed out. */
export interface CredentialRecord {
  roleArn: string;
  sessionName: string;
  /** The identity id (enhanced flow) or web identity subject (basic flow). */
  identityId: string;
  /** Kept (in memory only) so STS can check the SigV4 signatures made with it. */
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
}

/**
 * Fake but well-formed temporary credentials, remembered by access key id so STS can check signatures and say
 * who the caller is. Keys are random and never logged; expired records are pruned on each issue.
 */
export class CredentialLedger {
  private readonly records = new Map<string, CredentialRecord>();

  issue(grant: { roleArn: string; sessionName: string; identityId: string; durationSeconds: number; nowMs: number }): IssuedCredentials {
    this.prune(grant.nowMs);
    const creds: IssuedCredentials = {
      accessKeyId: `ASIA${randomString(UPPER_ALNUM, 16)}`,
      secretAccessKey: randomString(SECRET_CHARS, 40),
      // Real session tokens are several hundred base64 characters; clients store them verbatim.
      sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(480).toString('base64')}`,
      expiresAt: grant.nowMs + grant.durationSeconds * 1000,
    };
    this.records.set(creds.accessKeyId, {
      roleArn: grant.roleArn,
      sessionName: grant.sessionName,
      identityId: grant.identityId,
      secretAccessKey: creds.secretAccessKey,
      sessionToken: creds.sessionToken,
      expiresAt: creds.expiresAt,
    });
    return creds;
  }

  find(accessKeyId: string): CredentialRecord | undefined {
    return this.records.get(accessKeyId);
  }

  private prune(nowMs: number): void {
    for (const [key, record] of this.records) if (record.expiresAt <= nowMs) this.records.delete(key);
  }
}

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** arn:aws:iam::<account>:role/<path/>Name → { account, name } (the assumed-role ARN drops the path). */
export function parseRoleArn(roleArn: string): { account: string; name: string } | undefined {
  const match = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/.exec(roleArn);
  return match?.[1] && match[2] ? { account: match[1], name: match[2] } : undefined;
}

export function assumedRoleArn(roleArn: string, sessionName: string): string {
  const role = parseRoleArn(roleArn);
  return role ? `arn:aws:sts::${role.account}:assumed-role/${role.name}/${sessionName}` : `${roleArn}/${sessionName}`;
}

/** A stable AROA… role id per role ARN, shaped like IAM's (AROA + 17 uppercase letters and digits). */
export function roleId(roleArn: string): string {
  const digest = createHash('sha256').update(roleArn).digest();
  let out = 'AROA';
  for (let i = 0; i < 17; i++) out += UPPER_ALNUM[(digest[i] ?? 0) % UPPER_ALNUM.length];
  return out;
}

export function accountOf(roleArn: string, fallback: string): string {
  return parseRoleArn(roleArn)?.account ?? fallback;
}
