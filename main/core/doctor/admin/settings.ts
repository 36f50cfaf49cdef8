/**
 * What `doctor --admin` reads with AWS credentials, reduced to what the checks use. The app
 * client's secret never gets this far: the adapter keeps only whether there is one.
 */
export interface ClientSettings {
  clientId: string;
  clientName?: string;
  hasSecret: boolean;
  callbackUrls: string[];
  logoutUrls: string[];
  allowedOAuthFlows: string[];
  allowedOAuthScopes: string[];
  /** AllowedOAuthFlowsUserPoolClient: without it the OAuth endpoints refuse the client whatever the flows say. */
  oauthEnabled: boolean;
  supportedIdentityProviders: string[];
  /** Seconds, after TokenValidityUnits (Cognito's defaults when absent: 1 h, 1 h, 30 days). */
  accessTokenSeconds: number;
  idTokenSeconds: number;
  refreshTokenSeconds: number;
  tokenRevocation: boolean;
  rotation: { enabled: boolean; gracePeriodSeconds: number };
}

export interface PoolSettings {
  id: string;
  name?: string;
  domain?: string;
  customDomain?: string;
}

export interface IdentityPoolSettings {
  id: string;
  providers: Array<{ providerName: string; clientId: string; serverSideTokenCheck: boolean }>;
}

export interface RoleRule {
  claim: string;
  matchType: string;
  value: string;
  roleArn: string;
}

export interface RoleSettings {
  authenticatedRole?: string;
  unauthenticatedRole?: string;
  /** Keyed `<ProviderName>:<ClientId>`. */
  mappings: Record<string, { type: 'Token' | 'Rules' | string; ambiguousRoleResolution?: string; rules: RoleRule[] }>;
}

/**
 * The four read-only calls, behind an interface so the checks run against anything that answers
 * them (the real SDK adapter is main/core/aws/admin-api.ts). Each rejects with the SDK's error.
 */
export interface AdminApi {
  describeUserPoolClient(userPoolId: string, clientId: string): Promise<ClientSettings>;
  describeUserPool(userPoolId: string): Promise<PoolSettings>;
  describeIdentityPool(identityPoolId: string): Promise<IdentityPoolSettings>;
  getIdentityPoolRoles(identityPoolId: string): Promise<RoleSettings>;
}

/** Where the calls go: AWS's regional endpoints, or the local pool's on loopback. */
export interface AdminTarget {
  region: string;
  userPoolId: string;
  /** cognito-idp endpoint; absent: AWS's. */
  userPoolEndpoint?: string;
  identityPool?: { id: string; region: string; endpoint?: string };
}

export type AdminApiFactory = (target: AdminTarget) => AdminApi;
