import type { AppClientConfig, EmulatorConfig } from '../config-schema.js';
import { IdentityError, validationError } from '../identity/errors.js';
import type { JsonInput } from '../identity/json-input.js';

/**
 * DescribeUserPool and DescribeUserPoolClient in Cognito's shapes (API UserPoolType,
 * UserPoolClientType), read from the emulator's config so that a misconfigured config reads back
 * as misconfigured. Errors and validation wording are Cognito's ("User pool client <id> does not
 * exist.", "1 validation error detected: ...").
 */

const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
const CLIENT_ID = /^[\w+]+$/;

/** One fixed creation time per emulator run: the config has none, and the SDK reads these as dates. */
export interface DescribeContext {
  config: EmulatorConfig;
  createdAtSeconds: number;
}

function required(input: JsonInput, field: 'UserPoolId' | 'ClientId', pattern: RegExp, max: number): string {
  const member = field.charAt(0).toLowerCase() + field.slice(1);
  const value = input[field];
  if (value === undefined || value === null) throw validationError(member, value, 'Member must not be null');
  if (typeof value !== 'string' || value.length < 1) throw validationError(member, value, 'Member must have length greater than or equal to 1');
  if (value.length > max) throw validationError(member, value, `Member must have length less than or equal to ${max}`);
  if (!pattern.test(value)) throw validationError(member, value, `Member must satisfy regular expression pattern: ${pattern.source.slice(1, -1)}`);
  return value;
}

function pool(ctx: DescribeContext, input: JsonInput) {
  const id = required(input, 'UserPoolId', USER_POOL_ID, 55);
  if (id !== ctx.config.userPool.id) throw new IdentityError('ResourceNotFoundException', `User pool ${id} does not exist.`);
  return ctx.config.userPool;
}

export function describeUserPool(ctx: DescribeContext, input: JsonInput): unknown {
  const up = pool(ctx, input);
  const region = up.id.split('_')[0] ?? ctx.config.region;
  return {
    UserPool: {
      Id: up.id,
      Name: up.name,
      Arn: `arn:aws:cognito-idp:${region}:${ctx.config.accountId}:userpool/${up.id}`,
      ...(up.domain ? { Domain: up.domain } : {}),
      ...(up.customDomain ? { CustomDomain: up.customDomain } : {}),
      CreationDate: ctx.createdAtSeconds,
      LastModifiedDate: ctx.createdAtSeconds,
      EstimatedNumberOfUsers: up.users.length,
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: !up.allowSelfSignUp },
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'OFF',
      DeletionProtection: 'INACTIVE',
      UsernameConfiguration: { CaseSensitive: false },
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7 } },
      UserPoolTier: 'ESSENTIALS',
    },
  };
}

export function describeUserPoolClient(ctx: DescribeContext, input: JsonInput): unknown {
  const up = pool(ctx, input);
  const clientId = required(input, 'ClientId', CLIENT_ID, 128);
  const c = up.clients.find((x) => x.clientId === clientId);
  if (!c) throw new IdentityError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
  return { UserPoolClient: clientShape(ctx, up.id, c) };
}

function clientShape(ctx: DescribeContext, userPoolId: string, c: AppClientConfig): Record<string, unknown> {
  const access = inUnits(c.accessTokenValiditySeconds);
  const id = inUnits(c.idTokenValiditySeconds);
  const refresh = inUnits(c.refreshTokenValiditySeconds);
  const list = (key: string, values: string[]) => (values.length ? { [key]: values } : {});
  return {
    UserPoolId: userPoolId,
    ClientName: c.name,
    ClientId: c.clientId,
    ...(c.secret ? { ClientSecret: c.secret } : {}),
    CreationDate: ctx.createdAtSeconds,
    LastModifiedDate: ctx.createdAtSeconds,
    RefreshTokenValidity: refresh.value,
    AccessTokenValidity: access.value,
    IdTokenValidity: id.value,
    TokenValidityUnits: { AccessToken: access.unit, IdToken: id.unit, RefreshToken: refresh.unit },
    ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
    ...list('SupportedIdentityProviders', c.identityProviders),
    ...list('CallbackURLs', c.callbackUrls),
    ...list('LogoutURLs', c.logoutUrls),
    ...list('AllowedOAuthFlows', c.allowedFlows),
    ...list('AllowedOAuthScopes', c.allowedScopes),
    AllowedOAuthFlowsUserPoolClient: c.allowedFlows.length > 0,
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: c.enableTokenRevocation,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: 3,
    RefreshTokenRotation: { Feature: c.refreshTokenRotation.enabled ? 'ENABLED' : 'DISABLED', RetryGracePeriodSeconds: c.refreshTokenRotation.gracePeriodSeconds },
  };
}

/** Seconds as Cognito reports a validity: in the largest of its units (TimeUnitsType) that divides it. */
export function inUnits(seconds: number): { value: number; unit: 'days' | 'hours' | 'minutes' | 'seconds' } {
  if (seconds % 86_400 === 0) return { value: seconds / 86_400, unit: 'days' };
  if (seconds % 3600 === 0) return { value: seconds / 3600, unit: 'hours' };
  if (seconds % 60 === 0) return { value: seconds / 60, unit: 'minutes' };
  return { value: seconds, unit: 'seconds' };
}
