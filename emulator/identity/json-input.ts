import { IdentityError, validationError } from './errors.js';

/** Identity and identity pool ids: `[\w-]+:[0-9a-f-]+`, 1–55 characters (botocore model). */
const ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;
const MAX_LOGINS = 10;
const MAX_LOGIN_TOKEN = 50_000;

export type JsonInput = Record<string, unknown>;

/** The request body as a JSON object; anything else is InvalidParameterException, never a crash. */
export function parseJsonBody(body: Buffer): JsonInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.length === 0 ? '{}' : body.toString('utf8'));
  } catch {
    throw new IdentityError('InvalidParameterException', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new IdentityError('InvalidParameterException', 'The request body must be a JSON object.');
  }
  return parsed as JsonInput;
}

/** `IdentityPoolId` → `identityPoolId`, the member name AWS puts in validation messages. */
const memberName = (field: string): string => field.charAt(0).toLowerCase() + field.slice(1);

export function requiredId(input: JsonInput, field: 'IdentityPoolId' | 'IdentityId'): string {
  const value = input[field];
  if (value === undefined || value === null) throw validationError(memberName(field), value, 'Member must not be null');
  if (typeof value !== 'string') throw validationError(memberName(field), value, 'Member must be a string');
  if (value.length < 1 || value.length > 55) throw validationError(memberName(field), value, 'Member must have length less than or equal to 55');
  if (!ID_PATTERN.test(value)) throw validationError(memberName(field), value, 'Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+');
  return value;
}

export function optionalLogins(input: JsonInput): Record<string, string> {
  const value = input.Logins;
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw validationError('logins', JSON.stringify(value), 'Member must be a map');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_LOGINS) throw validationError('logins', `${entries.length} entries`, `Member must have length less than or equal to ${MAX_LOGINS}`);
  const logins: Record<string, string> = {};
  for (const [key, token] of entries) {
    if (typeof token !== 'string' || token.length < 1 || token.length > MAX_LOGIN_TOKEN) {
      throw validationError(`logins.${key}.member.value`, typeof token === 'string' ? `${token.length} characters` : token, `Member must be a string of 1 to ${MAX_LOGIN_TOKEN} characters`);
    }
    logins[key] = token;
  }
  return logins;
}

/** CustomRoleArn: 20–2048 characters (botocore ARNString). */
export function optionalRoleArn(input: JsonInput): string | undefined {
  const value = input.CustomRoleArn;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length < 20 || value.length > 2048) {
    throw validationError('customRoleArn', value, 'Member must have length greater than or equal to 20');
  }
  return value;
}
