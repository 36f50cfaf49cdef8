import { z } from 'zod';

/**
 * The emulator's configuration: one user pool (its hosted UI is served at the root, as a Cognito
 * domain would be), its app clients and users, a simulated Google, and identity pools. Field names
 * follow the Cognito API where one exists (CallbackURLs → callbackUrls, etc.). A test config may set
 * lifetimes below Cognito's minimums; the emulator only requires them to be positive.
 */

const seconds = z.number().int().positive();

export const groupSchema = z.object({
  name: z.string().min(1),
  /** Lower wins for cognito:preferred_role; equal precedence means no preferred role. */
  precedence: z.number().int().min(0).optional(),
  roleArn: z.string().regex(/^arn:aws:iam::\d{12}:role\/.+/, 'an IAM role ARN such as arn:aws:iam::123456789012:role/Name').optional(),
});

export const userSchema = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
  /** Stable sub (UUID); generated from the username when absent. */
  sub: z.uuid().optional(),
  email: z.email().optional(),
  emailVerified: z.boolean().default(true),
  groups: z.array(z.string()).default([]),
  /** Standard attributes (name, phone_number, ...) and custom:* attributes, always strings. */
  attributes: z.record(z.string(), z.string()).default({}),
});

export const clientSchema = z.object({
  clientId: z.string().regex(/^[\w+]+$/, 'letters, digits, + and _ only, as Cognito client ids'),
  name: z.string().default('app client'),
  /** Present for a confidential client. */
  secret: z.string().min(1).optional(),
  callbackUrls: z.array(z.string().min(1)).default([]),
  logoutUrls: z.array(z.string().min(1)).default([]),
  /** AllowedOAuthScopes. */
  allowedScopes: z.array(z.string()).default(['openid', 'email', 'profile', 'phone', 'aws.cognito.signin.user.admin']),
  /** AllowedOAuthFlows. */
  allowedFlows: z.array(z.enum(['code', 'implicit', 'client_credentials'])).default(['code']),
  /** SupportedIdentityProviders: COGNITO for local users, Google for the simulated Google. */
  identityProviders: z.array(z.string()).default(['COGNITO']),
  idTokenValiditySeconds: seconds.default(3600),
  accessTokenValiditySeconds: seconds.default(3600),
  refreshTokenValiditySeconds: seconds.default(30 * 24 * 3600),
  refreshTokenRotation: z
    .object({ enabled: z.boolean().default(false), gracePeriodSeconds: z.number().int().min(0).max(60).default(0) })
    .default({ enabled: false, gracePeriodSeconds: 0 }),
  enableTokenRevocation: z.boolean().default(true),
});

export const googleAccountSchema = z.object({
  sub: z.string().regex(/^\d+$/, 'a numeric Google subject id'),
  email: z.email(),
  name: z.string().default(''),
  emailVerified: z.boolean().default(true),
});

export const userPoolSchema = z.object({
  /** <region>_<id>, e.g. us-east-1_LocalDemo */
  id: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'a user pool id such as us-east-1_LocalDemo'),
  name: z.string().default('Local pool'),
  users: z.array(userSchema).default([]),
  groups: z.array(groupSchema).default([]),
  clients: z.array(clientSchema).min(1, 'at least one app client'),
  /** Resource servers for custom scopes `<identifier>/<scope>`. */
  resourceServers: z.array(z.object({ identifier: z.string().min(1), scopes: z.array(z.string().min(1)) })).default([]),
  google: z
    .object({ enabled: z.boolean().default(true), accounts: z.array(googleAccountSchema).default([]) })
    .default({ enabled: false, accounts: [] }),
  /** Shown on the sign-in page so a newcomer knows what to type. */
  showDemoCredentials: z.boolean().default(false),
  /** The hosted UI's "Sign up" link (Cognito: AllowAdminCreateUserOnly=false). */
  allowSelfSignUp: z.boolean().default(true),
  /** DescribeUserPool's Domain (a prefix: <prefix>.auth.<region>.amazoncognito.com) and CustomDomain; the emulator serves its hosted UI at its own address either way. */
  domain: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'a domain prefix: lower-case letters, digits and hyphens').optional(),
  customDomain: z.string().min(1).optional(),
});

export const roleRuleSchema = z.object({
  claim: z.string().min(1),
  matchType: z.enum(['Equals', 'Contains', 'StartsWith', 'NotEqual']),
  value: z.string(),
  roleArn: z.string().min(1),
});

export const identityProviderLinkSchema = z.object({
  /** The user pool this identity pool trusts (Logins key cognito-idp.<region>.amazonaws.com/<userPoolId>). */
  userPoolId: z.string().min(1),
  clientId: z.string().min(1),
  /** ServerSideTokenCheck, as DescribeIdentityPool reports it (the emulator always checks revocation). */
  serverSideTokenCheck: z.boolean().default(false),
  roleMapping: z
    .object({
      type: z.enum(['Token', 'Rules']),
      ambiguousRoleResolution: z.enum(['AuthenticatedRole', 'Deny']).default('AuthenticatedRole'),
      rules: z.array(roleRuleSchema).max(400).default([]),
    })
    .optional(),
});

export const identityPoolSchema = z.object({
  /** <region>:<guid> */
  id: z.string().regex(/^[\w-]+:[0-9a-f-]+$/, 'an identity pool id such as us-east-1:0000-...'),
  name: z.string().default('Local identity pool'),
  allowUnauthenticated: z.boolean().default(false),
  allowClassicFlow: z.boolean().default(true),
  authenticatedRoleArn: z.string().optional(),
  unauthenticatedRoleArn: z.string().optional(),
  providers: z.array(identityProviderLinkSchema).default([]),
});

export const emulatorConfigSchema = z.object({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1').default('us-east-1'),
  accountId: z.string().regex(/^\d{12}$/, '12 digits').default('123456789012'),
  userPool: userPoolSchema,
  identityPools: z.array(identityPoolSchema).default([]),
});

export type EmulatorConfig = z.infer<typeof emulatorConfigSchema>;
export type EmulatorConfigInput = z.input<typeof emulatorConfigSchema>;
export type AppClientConfig = z.infer<typeof clientSchema>;
export type UserConfig = z.infer<typeof userSchema>;
export type IdentityPoolConfig = z.infer<typeof identityPoolSchema>;
