import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWTPayload } from 'jose';
import type { EmulatorConfig } from '../config-schema.js';
import type { Clock } from '../../main/core/ports.js';
import type { IdentityContext } from './context.js';
import { CredentialLedger } from './credentials.js';
import { IdentityError, sendIdentityError, sendJson } from './errors.js';
import { IdentityStore } from './identity-store.js';
import { getCredentialsForIdentity, getId, getOpenIdToken } from './identity-pool-ops.js';
import { parseJsonBody, type JsonInput } from './json-input.js';
import { createOpenIdTokenIssuer } from './openid-token.js';
import { describeIdentityPool, getIdentityPoolRoles } from './pool-admin-ops.js';
import { requireSignature } from './signed-request.js';
import { assumeRoleWithWebIdentity, getCallerIdentity } from './sts-ops.js';
import { StsError, sendStsError, sendStsResult } from './sts-xml.js';

export interface IdentityServiceDeps {
  config: EmulatorConfig;
  clock: Clock;
  /** Throws an Error whose message is Cognito's wording when the ID token is invalid. */
  verifyUserPoolIdToken(token: string): Promise<JWTPayload>;
  /** True when the token family (origin_jti) was revoked or signed out. */
  isRevoked?(originJti: string): boolean;
  /** Identity ids, when the caller keeps them across restarts (--state); else a fresh store. */
  identities?: IdentityStore;
  /** The credentials it issues, when another service (the user pool API) checks signatures made with them too. */
  ledger?: CredentialLedger;
}

/** Both spellings of the target prefix are seen on the wire (reference §4). */
const TARGET = /^(?:com\.amazonaws\.cognito\.identity\.model\.)?AWSCognitoIdentityService\.(\w+)$/;
const STS_VERSION = '2011-06-15';

type IdentityOp = (ctx: IdentityContext, input: JsonInput) => Promise<unknown>;
const identityOps: Record<string, IdentityOp> = {
  GetId: getId,
  GetCredentialsForIdentity: getCredentialsForIdentity,
  GetOpenIdToken: getOpenIdToken,
  DescribeIdentityPool: async (ctx, input) => describeIdentityPool(ctx, input),
  GetIdentityPoolRoles: async (ctx, input) => getIdentityPoolRoles(ctx, input),
};
/** The public operations (smithy.api#noAuth); every other one must be SigV4-signed (reference §4). */
const UNSIGNED = new Set(['GetId', 'GetCredentialsForIdentity', 'GetOpenIdToken', 'UnlinkIdentity']);

/**
 * The identity pool JSON 1.1 API (X-Amz-Target) and the STS query API (form body with
 * Version=2011-06-15), both served at the emulator's root as separate AWS endpoints would be.
 * `handle` resolves false, without touching `res`, for any other request.
 */
export function createIdentityService(deps: IdentityServiceDeps): {
  handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<boolean>;
} {
  const openIdTokens = createOpenIdTokenIssuer();
  openIdTokens.catch(() => undefined); // surfaced on first use, not as an unhandled rejection
  const ctx: IdentityContext = {
    config: deps.config,
    clock: deps.clock,
    verifier: {
      nowMs: () => deps.clock.now(),
      verifyUserPoolIdToken: (token) => deps.verifyUserPoolIdToken(token),
      ...(deps.isRevoked ? { isRevoked: (jti: string) => deps.isRevoked?.(jti) ?? false } : {}),
    },
    identities: deps.identities ?? new IdentityStore(),
    ledger: deps.ledger ?? new CredentialLedger(),
    openIdTokens,
  };

  return {
    async handle(req, res, body) {
      if (req.method !== 'POST') return false;
      const target = req.headers['x-amz-target'];
      const op = typeof target === 'string' ? TARGET.exec(target)?.[1] : undefined;
      if (op !== undefined) {
        await handleIdentity(ctx, op, req, res, body);
        return true;
      }
      const params = stsParams(req, body);
      if (!params) return false;
      await handleSts(ctx, req, res, params, body);
      return true;
    },
  };
}

async function handleIdentity(ctx: IdentityContext, op: string, req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  try {
    if (!UNSIGNED.has(op)) requireSignature(req, body, { service: 'cognito-identity', regions: regionsOf(ctx.config), nowMs: ctx.clock.now(), ledger: ctx.ledger });
    const run = identityOps[op];
    if (!run) throw new IdentityError('UnknownOperationException', `The operation ${op} is not supported by the local emulator.`);
    sendJson(res, 200, await run(ctx, parseJsonBody(body)));
  } catch (error) {
    sendIdentityError(res, error instanceof IdentityError ? error : new IdentityError('InternalErrorException', 'Internal error.', 500));
  }
}

/** The config's region and every pool id's region prefix: a client signs with the region of the pool it asks about. */
export function regionsOf(config: EmulatorConfig): string[] {
  const prefixes = [config.userPool.id.split('_')[0], ...config.identityPools.map((p) => p.id.split(':')[0])];
  return [...new Set([config.region, ...prefixes.filter((r): r is string => Boolean(r))])];
}

/** A form body naming an Action at STS's API version; anything else is not for us. */
function stsParams(req: IncomingMessage, body: Buffer): URLSearchParams | undefined {
  const type = req.headers['content-type'] ?? '';
  if (type !== '' && !type.toLowerCase().startsWith('application/x-www-form-urlencoded')) return undefined;
  const params = new URLSearchParams(body.toString('utf8'));
  return params.get('Version') === STS_VERSION && params.has('Action') ? params : undefined;
}

async function handleSts(ctx: IdentityContext, req: IncomingMessage, res: ServerResponse, params: URLSearchParams, body: Buffer): Promise<void> {
  const action = params.get('Action') ?? '';
  try {
    if (action === 'AssumeRoleWithWebIdentity') sendStsResult(res, action, await assumeRoleWithWebIdentity(ctx, params));
    else if (action === 'GetCallerIdentity') sendStsResult(res, action, getCallerIdentity(ctx, req, body));
    else throw new StsError('InvalidAction', `Could not find operation ${action} for version ${STS_VERSION}`, 400);
  } catch (error) {
    sendStsError(res, error instanceof StsError ? error : new StsError('ValidationError', 'The request could not be processed.', 400));
  }
}
