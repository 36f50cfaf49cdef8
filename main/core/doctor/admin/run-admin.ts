import { localPoolEndpoint, loginsKeyFor } from '../../aws/target.js';
import { isLoopbackHost } from '../../net/loopback.js';
import { parseCognitoIssuer } from '../../profiles/cognito-issuer.js';
import type { Profile } from '../../profiles/schema.js';
import { clip } from '../../errors/translate-context.js';
import { finding, type CheckId, type Finding } from '../types.js';
import { checkClientSettings } from './client-checks.js';
import { checkDomain } from './domain-check.js';
import { checkIdentityPool, checkRoleMapping } from './identity-pool-checks.js';
import { checkLifetimes } from './lifetime-checks.js';
import type { AdminApiFactory, AdminTarget } from './settings.js';

/** Every check --admin adds, in the order it reports them. */
export const ADMIN_CHECKS = [
  'admin-access', 'hosted-ui-domain', 'callback-urls', 'sign-out-urls', 'oauth-flows', 'oauth-scopes', 'identity-providers',
  'token-validity', 'token-revocation', 'refresh-rotation', 'identity-pool-provider', 'role-mapping',
] as const satisfies readonly CheckId[];
const CLIENT_CHECKS = ['callback-urls', 'sign-out-urls', 'oauth-flows', 'oauth-scopes', 'identity-providers', 'token-validity', 'token-revocation', 'refresh-rotation'] as const;

export const IAM_ACTIONS = ['cognito-idp:DescribeUserPoolClient', 'cognito-idp:DescribeUserPool', 'cognito-identity:DescribeIdentityPool', 'cognito-identity:GetIdentityPoolRoles'];
const ACCESS_FIX = `run with AWS credentials allowed ${IAM_ACTIONS.join(', ')}: AWS_PROFILE=<name> (after aws sso login --profile <name> for SSO), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN)`;

export interface AdminInput {
  profile: Profile;
  /** The signed-in ID token, to say which role the mapping picks for this user (decoded only). */
  idToken?: string;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; op: string; kind: 'no-credentials' | 'denied' | 'not-found' | 'other'; message: string };

const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'NotAuthorizedException', 'UnrecognizedClientException', 'InvalidSignatureException', 'SignatureDoesNotMatch',
  'ExpiredTokenException', 'ExpiredToken', 'MissingAuthenticationTokenException', 'IncompleteSignatureException', 'InvalidClientTokenId']);

async function attempt<T>(op: string, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    const e = err as { name?: unknown; message?: unknown };
    const name = typeof e.name === 'string' ? e.name.replace(/^.*#/, '') : 'Error';
    const message = clip(typeof e.message === 'string' ? e.message : String(err));
    const kind = name === 'CredentialsProviderError' || /could not load credentials/i.test(message) ? 'no-credentials'
      : DENIED.has(name) ? 'denied' : name === 'ResourceNotFoundException' ? 'not-found' : 'other';
    return { ok: false, op, kind, message: `${name}: ${message}` };
  }
}

const skipAll = (ids: readonly CheckId[], subject: string, why: string) => ids.map((id) => finding(id, 'skip', subject, why));

/**
 * `doctor --admin`: reads the app client, user pool and identity pool settings with AWS
 * credentials (the `api` factory: the real SDK clients in the CLI and the window, anything in a
 * test) and checks them directly. Missing credentials or permissions are one `admin-access`
 * failure saying which IAM actions are needed; the checks that needed the read are then `skip`.
 * Requests signed with the user's AWS credentials go only to AWS or to a local pool on loopback.
 */
export async function runAdminChecks(input: AdminInput, api: AdminApiFactory | undefined): Promise<Finding[]> {
  const { profile } = input;
  const cognito = parseCognitoIssuer(profile.issuer);
  if (!cognito) return skipAll(ADMIN_CHECKS, profile.clientId, 'not a Cognito issuer: --admin reads Cognito\'s own settings');
  const issuerHost = new URL(profile.issuer).hostname;
  if (cognito.local && !isLoopbackHost(issuerHost)) {
    return skipAll(ADMIN_CHECKS, profile.clientId, `the issuer is on ${issuerHost}, neither AWS nor a local pool on loopback: --admin sends requests signed with your AWS credentials only to those`);
  }
  if (!api) return skipAll(ADMIN_CHECKS, profile.clientId, 'this shell cannot read AWS settings');
  const ip = profile.identityPool;
  const ipEndpointGiven = ip?.endpoint ?? localPoolEndpoint(profile.issuer);
  const ipEndpoint = ipEndpointGiven && URL.canParse(ipEndpointGiven) && isLoopbackHost(new URL(ipEndpointGiven).hostname) ? ipEndpointGiven : undefined;
  const ipUsable = ip && (!ipEndpointGiven || ipEndpoint);
  const target: AdminTarget = {
    region: cognito.region,
    userPoolId: cognito.userPoolId,
    ...(cognito.local ? { userPoolEndpoint: new URL(profile.issuer).origin } : {}),
    ...(ip && ipUsable ? { identityPool: { id: ip.id, region: ip.id.split(':')[0] ?? cognito.region, ...(ipEndpoint ? { endpoint: ipEndpoint } : {}) } } : {}),
  };
  const calls = api(target);
  const [client, pool, identity, roles] = await Promise.all([
    attempt('DescribeUserPoolClient', () => calls.describeUserPoolClient(cognito.userPoolId, profile.clientId)),
    attempt('DescribeUserPool', () => calls.describeUserPool(cognito.userPoolId)),
    target.identityPool ? attempt('DescribeIdentityPool', () => calls.describeIdentityPool(ip?.id ?? '')) : undefined,
    target.identityPool ? attempt('GetIdentityPoolRoles', () => calls.getIdentityPoolRoles(ip?.id ?? '')) : undefined,
  ]);
  const outcomes = [client, pool, identity, roles].filter((o): o is NonNullable<typeof o> => o !== undefined);
  const failures = outcomes.filter((o): o is Extract<typeof o, { ok: false }> => !o.ok);

  const noCredentials = failures.find((f) => f.kind === 'no-credentials');
  if (noCredentials) {
    return [
      finding('admin-access', 'fail', 'AWS credentials', `no AWS credentials found (${noCredentials.message})`, ACCESS_FIX),
      ...skipAll(ADMIN_CHECKS.slice(1), profile.clientId, 'needs AWS credentials (see admin-access)'),
    ];
  }
  const out: Finding[] = [];
  if (!failures.length) out.push(finding('admin-access', 'pass', 'AWS credentials', `read ${outcomes.length === 4 ? 'DescribeUserPoolClient, DescribeUserPool, DescribeIdentityPool and GetIdentityPoolRoles' : 'DescribeUserPoolClient and DescribeUserPool'}`));
  for (const f of failures) {
    out.push(finding('admin-access', 'fail', f.op, f.kind === 'not-found' ? `not found: ${f.message}` : `could not read: ${f.message}`,
      f.kind === 'not-found' ? 'check the ids in the profile (the user pool id is the issuer\'s last path segment; the client id: aws cognito-idp list-user-pool-clients --user-pool-id ' + cognito.userPoolId + ')' : f.kind === 'denied' ? ACCESS_FIX : 'check the network and the region, then run doctor --admin again'));
  }
  const unread = (o: Outcome<unknown>) => (o.ok ? '' : `could not read ${o.op} (see admin-access)`);

  out.push(pool.ok ? checkDomain(profile, cognito.region, pool.value, cognito.local) : finding('hosted-ui-domain', 'skip', cognito.userPoolId, unread(pool)));
  if (client.ok) out.push(...checkClientSettings(profile, cognito.userPoolId, client.value), ...checkLifetimes(profile, cognito.userPoolId, client.value));
  else out.push(...skipAll(CLIENT_CHECKS, profile.clientId, unread(client)));

  if (!ip) out.push(...skipAll(['identity-pool-provider', 'role-mapping'], '(none)', 'the profile has no identity pool'));
  else if (!identity || !roles) out.push(...skipAll(['identity-pool-provider', 'role-mapping'], ip.id, `the profile's identity endpoint ${ipEndpointGiven ?? ''} is not AWS's or on loopback: --admin does not send it signed requests`));
  else {
    const loginsKey = loginsKeyFor(profile.issuer);
    out.push(identity.ok ? checkIdentityPool(profile, loginsKey, identity.value) : finding('identity-pool-provider', 'skip', ip.id, unread(identity)));
    out.push(roles.ok ? checkRoleMapping(profile, loginsKey, ip.id, roles.value, input.idToken) : finding('role-mapping', 'skip', ip.id, unread(roles)));
  }
  return out;
}
