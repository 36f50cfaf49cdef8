import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * Errors of the identity pool and user pool (JSON 1.1) APIs. The SDK reads the name from `__type` (or the
 * x-amzn-ErrorType header) and the text from `message`, so both are sent, as Cognito does.
 */
export type IdentityErrorType =
  | 'InvalidParameterException'
  | 'NotAuthorizedException'
  | 'ResourceNotFoundException'
  | 'ResourceConflictException'
  | 'InvalidIdentityPoolConfigurationException'
  | 'UnknownOperationException'
  | 'InternalErrorException'
  // AWS's common errors for SigV4-signed JSON operations (the same on cognito-idp and cognito-identity).
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'UnrecognizedClientException';

export class IdentityError extends Error {
  constructor(
    readonly type: IdentityErrorType,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

/** Cognito's own wording, quoted in reference/cognito-wire.md §4 (and noted where it is ours). */
export const messages = {
  unauthenticatedNotSupported: 'Unauthenticated access is not supported for this identity pool.',
  loginsDontMatch: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
  tokenInactive: 'Token is inactive',
  issuerMismatch: "Invalid login token. Issuer doesn't match providerName",
  unsupportedProvider: 'Token is not from a supported provider of this identity pool.',
  notAnIdToken: 'Invalid login token. Not a valid OpenId Connect identity token.',
  invalidPoolConfiguration: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
  ambiguousDenied: 'The ambiguous role mapping rules denied this request.',
  /** Our wording: no capture of Cognito's text for a CustomRoleArn outside the allowed roles was found. */
  customRoleDenied: "CustomRoleArn isn't one of the roles this identity may assume (cognito:roles or the role mapping).",
  classicFlowDisabled: 'Basic (classic) flow is not enabled, please use enhanced flow.',
  poolNotFound: (id: string) => `IdentityPool '${id}' not found.`,
  identityNotFound: (id: string) => `Identity '${id}' not found.`,
  /** Cognito prints now first: "Token expired: 1754028847 >= 1754027905". */
  tokenExpired: (expSeconds: number, nowSeconds: number) => `Invalid login token. Token expired: ${nowSeconds} >= ${expSeconds}`,
} as const;

/** AWS's validation wording, e.g. "1 validation error detected: Value null at 'identityId' ...". */
export function validationError(field: string, value: unknown, constraint: string): IdentityError {
  const shown = value === undefined || value === null ? 'null' : `'${String(value)}'`;
  return new IdentityError(
    'InvalidParameterException',
    `1 validation error detected: Value ${shown} at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...extraHeaders,
  });
  res.end(text);
}

export function sendIdentityError(res: ServerResponse, error: IdentityError): void {
  sendJson(res, error.status, { __type: error.type, message: error.message }, { 'x-amzn-ErrorType': error.type });
}
