import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../main/core/ports.js';
import type { EmulatorConfig } from '../config-schema.js';
import type { CredentialLedger } from '../identity/credentials.js';
import { IdentityError, sendIdentityError, sendJson } from '../identity/errors.js';
import { parseJsonBody, type JsonInput } from '../identity/json-input.js';
import { regionsOf } from '../identity/service.js';
import { requireSignature } from '../identity/signed-request.js';
import { describeUserPool, describeUserPoolClient, type DescribeContext } from './describe-ops.js';

/**
 * The user pool API (cognito-idp, JSON 1.1, `X-Amz-Target: AWSCognitoIdentityProviderService.<Op>`),
 * served where the SDK sends it when given the emulator as `endpoint`: POST /. Only the read-only
 * administrative operations `doctor --admin` needs; all of them are SigV4-signed.
 */
const TARGET = /^AWSCognitoIdentityProviderService\.(\w+)$/;

type Op = (ctx: DescribeContext, input: JsonInput) => unknown;
const ops: Record<string, Op> = {
  DescribeUserPool: describeUserPool,
  DescribeUserPoolClient: describeUserPoolClient,
};

export function createUserPoolApi(deps: { config: EmulatorConfig; clock: Clock; ledger?: CredentialLedger }): {
  handle(req: IncomingMessage, res: ServerResponse, body: Buffer): boolean;
} {
  const ctx: DescribeContext = { config: deps.config, createdAtSeconds: Math.floor(deps.clock.now() / 1000) };
  const regions = regionsOf(deps.config);
  return {
    handle(req, res, body) {
      const target = req.headers['x-amz-target'];
      const op = req.method === 'POST' && typeof target === 'string' ? TARGET.exec(target)?.[1] : undefined;
      if (op === undefined) return false;
      try {
        const run = ops[op];
        if (!run) throw new IdentityError('UnknownOperationException', `The operation ${op} is not supported by the local emulator.`);
        requireSignature(req, body, { service: 'cognito-idp', regions, nowMs: deps.clock.now(), ...(deps.ledger ? { ledger: deps.ledger } : {}) });
        sendJson(res, 200, run(ctx, parseJsonBody(body)));
      } catch (error) {
        sendIdentityError(res, error instanceof IdentityError ? error : new IdentityError('InternalErrorException', 'Internal error.', 500));
      }
      return true;
    },
  };
}
