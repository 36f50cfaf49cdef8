import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import type { AdminApi, AdminApiFactory, AdminTarget, ClientSettings, RoleSettings } from '../doctor/admin/settings.js';
import type { Fetch } from '../ports.js';
import { quietSdk, sdkClientConfig } from './aws-clients.js';

/**
 * `doctor --admin`'s reads through the real AWS SDK v3 clients, with credentials from the SDK's
 * standard chain (AWS_PROFILE, AWS_ACCESS_KEY_ID..., SSO, instance roles). The SDKs load on first
 * use. DescribeUserPoolClient's ClientSecret is dropped here: only whether there is one goes on.
 */
export function sdkAdminApi(fetchImpl?: Fetch): AdminApiFactory {
  return (target: AdminTarget): AdminApi => {
    quietSdk();
    const common = (region: string, endpoint?: string) => sdkClientConfig(region, endpoint, fetchImpl);
    const idp = async () => {
      const sdk = await import('@aws-sdk/client-cognito-identity-provider');
      return { sdk, client: new sdk.CognitoIdentityProviderClient(common(target.region, target.userPoolEndpoint)) };
    };
    const identity = async () => {
      const sdk = await import('@aws-sdk/client-cognito-identity');
      const pool = target.identityPool;
      return { sdk, client: new sdk.CognitoIdentityClient(common(pool?.region ?? target.region, pool?.endpoint)) };
    };
    const using = async <C extends { destroy(): void }, S, R>(open: () => Promise<{ sdk: S; client: C }>, run: (o: { sdk: S; client: C }) => Promise<R>): Promise<R> => {
      const o = await open();
      try {
        return await run(o);
      } finally {
        o.client.destroy();
      }
    };
    return {
      describeUserPoolClient: (UserPoolId, ClientId) =>
        using(idp, async ({ sdk, client }) => clientSettings((await client.send(new sdk.DescribeUserPoolClientCommand({ UserPoolId, ClientId }))).UserPoolClient ?? {}, ClientId)),
      describeUserPool: (UserPoolId) =>
        using(idp, async ({ sdk, client }) => {
          const p = (await client.send(new sdk.DescribeUserPoolCommand({ UserPoolId }))).UserPool ?? {};
          return { id: p.Id ?? UserPoolId, ...(p.Name ? { name: p.Name } : {}), ...(p.Domain ? { domain: p.Domain } : {}), ...(p.CustomDomain ? { customDomain: p.CustomDomain } : {}) };
        }),
      describeIdentityPool: (IdentityPoolId) =>
        using(identity, async ({ sdk, client }) => {
          const p = await client.send(new sdk.DescribeIdentityPoolCommand({ IdentityPoolId }));
          return {
            id: p.IdentityPoolId ?? IdentityPoolId,
            providers: (p.CognitoIdentityProviders ?? []).map((x) => ({ providerName: x.ProviderName ?? '', clientId: x.ClientId ?? '', serverSideTokenCheck: x.ServerSideTokenCheck === true })),
          };
        }),
      getIdentityPoolRoles: (IdentityPoolId) =>
        using(identity, async ({ sdk, client }) => {
          const r = await client.send(new sdk.GetIdentityPoolRolesCommand({ IdentityPoolId }));
          const mappings: RoleSettings['mappings'] = {};
          for (const [key, m] of Object.entries(r.RoleMappings ?? {})) {
            mappings[key] = {
              type: m.Type ?? 'Token',
              ...(m.AmbiguousRoleResolution ? { ambiguousRoleResolution: m.AmbiguousRoleResolution } : {}),
              rules: (m.RulesConfiguration?.Rules ?? []).map((x) => ({ claim: x.Claim ?? '', matchType: x.MatchType ?? '', value: x.Value ?? '', roleArn: x.RoleARN ?? '' })),
            };
          }
          return { ...(r.Roles?.authenticated ? { authenticatedRole: r.Roles.authenticated } : {}), ...(r.Roles?.unauthenticated ? { unauthenticatedRole: r.Roles.unauthenticated } : {}), mappings };
        }),
    };
  };
}

const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };

/** A validity in seconds: Cognito's defaults when absent (1 h access and ID, 30 days refresh), in TokenValidityUnits. */
function seconds(value: number | undefined, unit: string | undefined, fallbackUnit: string, fallback: number): number {
  return value === undefined ? fallback : value * (UNIT_SECONDS[unit ?? fallbackUnit] ?? 1);
}

/** The secret is not copied: `hasSecret` is all that leaves this function. */
export function clientSettings(c: UserPoolClientType, clientId: string): ClientSettings {
  const units = c.TokenValidityUnits ?? {};
  return {
    clientId: c.ClientId ?? clientId,
    ...(c.ClientName ? { clientName: c.ClientName } : {}),
    hasSecret: typeof c.ClientSecret === 'string' && c.ClientSecret.length > 0,
    callbackUrls: c.CallbackURLs ?? [],
    logoutUrls: c.LogoutURLs ?? [],
    allowedOAuthFlows: c.AllowedOAuthFlows ?? [],
    allowedOAuthScopes: c.AllowedOAuthScopes ?? [],
    oauthEnabled: c.AllowedOAuthFlowsUserPoolClient === true,
    supportedIdentityProviders: c.SupportedIdentityProviders ?? [],
    accessTokenSeconds: seconds(c.AccessTokenValidity, units.AccessToken, 'hours', 3600),
    idTokenSeconds: seconds(c.IdTokenValidity, units.IdToken, 'hours', 3600),
    refreshTokenSeconds: seconds(c.RefreshTokenValidity, units.RefreshToken, 'days', 30 * 86_400),
    tokenRevocation: c.EnableTokenRevocation === true,
    rotation: { enabled: c.RefreshTokenRotation?.Feature === 'ENABLED', gracePeriodSeconds: c.RefreshTokenRotation?.RetryGracePeriodSeconds ?? 0 },
  };
}
