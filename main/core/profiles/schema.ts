import { z } from 'zod';
import { isAllowedEgress } from '../net/egress.js';

/**
 * One app client's settings. Non-secret: this is what lands in profiles.json. The client secret
 * lives in the keychain; `hasClientSecret` only records that one is expected there.
 */

export const DEFAULT_REDIRECT_URIS = ['http://localhost:53682/callback', 'http://localhost:53683/callback'];
export const DEFAULT_SCOPES = ['openid', 'email', 'profile'];

export const profileNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, ".", "_" and "-", at most 64, starting with a letter or digit');

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

/**
 * A URL that receives secrets: https, or plain http only to this machine (the one egress rule,
 * main/core/net/egress.ts). `why` says what it receives, for the per-field message.
 */
const secretUrl = (why: string) =>
  httpUrl.refine((u) => !URL.canParse(u) || isAllowedEgress(new URL(u)), { error: `must be https (plain http only to this machine: localhost, 127.0.0.1, [::1]): ${why}` });

const issuerUrl = z.url({ protocol: /^https?$/, error: 'expected the issuer URL (--issuer, or --region with --user-pool-id)' });

export const identityPoolSettingsSchema = z.object({
  id: z.string().regex(/^[\w-]+:[0-9a-f-]+$/, 'an identity pool id such as us-east-1:1b2c3d4e-...'),
  mode: z.enum(['enhanced', 'basic', 'guest']).default('enhanced'),
  /** The identity and STS endpoint (e.g. the local pool's); AWS's regional endpoint when absent. */
  endpoint: secretUrl('it receives the ID token and answers with AWS secret keys').optional(),
  /** Basic flow: the role to assume. Enhanced flow: sent as CustomRoleArn. */
  roleArn: z.string().optional(),
  /** Basic flow: AssumeRoleWithWebIdentity DurationSeconds. */
  durationSeconds: z.number().int().min(900).max(43200).optional(),
});

export const profileSchema = z.object({
  name: profileNameSchema,
  issuer: issuerUrl.refine((u) => !URL.canParse(u) || isAllowedEgress(new URL(u)), { error: 'must be https (plain http only for issuers on this machine: localhost, 127.0.0.1, [::1])' }),
  clientId: z.string({ error: 'expected the app client id (--client-id)' }).min(1, 'expected the app client id (--client-id)'),
  hasClientSecret: z.boolean().default(false),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1').optional(),
  scopes: z.array(z.string().min(1)).min(1, 'at least one scope').default(DEFAULT_SCOPES),
  redirectUris: z.array(httpUrl).min(1, 'at least one redirect URI').default(DEFAULT_REDIRECT_URIS),
  /** Google, a SAML/OIDC provider name, or absent for the hosted UI. */
  identityProvider: z.string().min(1).optional(),
  /** The providers the app client offers (Cognito's SupportedIdentityProviders, e.g. Google): the window offers a button each. */
  identityProviders: z.array(z.string().min(1)).optional(),
  /** Extra authorize parameters: prompt, login_hint, lang, ... */
  authorizeParams: z.record(z.string(), z.string()).default({}),
  identityPool: identityPoolSettingsSchema.optional(),
  apiBaseUrl: secretUrl('`call` sends tokens and SigV4 signatures there').optional(),
  /** Hosted-UI domain override (https://auth.example.com) when discovery points elsewhere. */
  hostedUiDomain: secretUrl('it receives the authorization code, the PKCE verifier and any client secret').optional(),
  /** A registered sign-out URL, for logout through the hosted UI. */
  logoutUri: httpUrl.optional(),
  /** The app client's refresh-token lifetime, if known: Cognito refresh tokens are opaque. */
  refreshTokenLifetimeSeconds: z.number().int().positive().optional(),
  /** True for a profile remembered from ad-hoc flags rather than saved by the user. */
  adHoc: z.boolean().default(false),
});

export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

/**
 * A saved profile as commands use it: an http issuer saved before the rule still reads, so `status`
 * and `logout` work for it; anything that contacts the issuer refuses it (INSECURE_ISSUER, exit 2).
 */
export const savedProfileSchema = profileSchema.extend({ issuer: issuerUrl });

/**
 * profiles.json as read: the secret-receiving URLs are not re-judged here, so one profile saved before
 * the egress rule does not make every other profile unreadable. Each is refused where it is used
 * (identityTarget, resolveApiUrl, the hosted-UI domain check) and on the next edit of that profile.
 */
const storedProfileSchema = profileSchema.extend({
  issuer: issuerUrl,
  identityPool: identityPoolSettingsSchema.extend({ endpoint: httpUrl.optional() }).optional(),
  apiBaseUrl: httpUrl.optional(),
  hostedUiDomain: httpUrl.optional(),
});

export const profilesFileSchema = z.object({
  version: z.literal(1),
  profiles: z.record(z.string(), storedProfileSchema),
});

export type ProfilesFile = z.infer<typeof profilesFileSchema>;
