import type { Fetch } from '../ports.js';
import type { AwsCredentialsEntry } from '../secrets/session-vault.js';
import { stsClient } from './aws-clients.js';
import type { IdentityTarget } from './target.js';
import { translateAwsError } from './translate-aws-error.js';

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** STS GetCallerIdentity with the temporary credentials: which account and assumed role they are. */
export async function whoami(target: IdentityTarget, c: AwsCredentialsEntry, fetchImpl?: Fetch): Promise<CallerIdentity> {
  const { client, sdk } = await stsClient(target, {
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
  }, fetchImpl);
  try {
    const out = await client.send(new sdk.GetCallerIdentityCommand({}));
    return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  } catch (err) {
    throw translateAwsError(err, { target, operation: 'GetCallerIdentity' });
  } finally {
    client.destroy();
  }
}
