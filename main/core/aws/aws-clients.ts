import type * as CognitoIdentitySdk from '@aws-sdk/client-cognito-identity';
import type * as StsSdk from '@aws-sdk/client-sts';
import type { Fetch } from '../ports.js';
import { fetchRequestHandler } from './fetch-handler.js';
import type { IdentityTarget } from './target.js';

/**
 * The AWS SDK clients, imported on first use only: a cached answer never loads the SDK (it costs
 * hundreds of milliseconds of start-up). The identity pool operations used here are unsigned.
 */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * The SDK warns on stderr that future versions need Node 22. credential_process callers show
 * stderr to the user, and the warning is about versions we do not ship, so it is off unless set.
 */
export function quietSdk(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

/** Every SDK client's settings. With `fetchImpl` (the recorder's), requests go through it instead of the SDK's own http handler. */
export const sdkClientConfig = (region: string, endpoint?: string, fetchImpl?: Fetch) => ({
  region,
  maxAttempts: 2,
  ...(endpoint ? { endpoint } : {}),
  ...(fetchImpl ? { requestHandler: fetchRequestHandler(fetchImpl) } : {}),
});

const common = (target: IdentityTarget, fetchImpl?: Fetch) => sdkClientConfig(target.region, target.endpoint, fetchImpl);

export async function identityClient(target: IdentityTarget, fetchImpl?: Fetch): Promise<{ client: CognitoIdentitySdk.CognitoIdentityClient; sdk: typeof CognitoIdentitySdk }> {
  quietSdk();
  const sdk = await import('@aws-sdk/client-cognito-identity');
  return { client: new sdk.CognitoIdentityClient(common(target, fetchImpl)), sdk };
}

/** STS; `credentials` for signed calls (GetCallerIdentity), none for AssumeRoleWithWebIdentity. */
export async function stsClient(target: IdentityTarget, credentials?: StaticCredentials, fetchImpl?: Fetch): Promise<{ client: StsSdk.STSClient; sdk: typeof StsSdk }> {
  quietSdk();
  const sdk = await import('@aws-sdk/client-sts');
  return { client: new sdk.STSClient({ ...common(target, fetchImpl), ...(credentials ? { credentials } : {}) }), sdk };
}
