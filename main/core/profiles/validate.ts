import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/** Parses with a schema; on failure, an INVALID_INPUT/INVALID_CONFIG error naming the first bad field. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  code: 'INVALID_INPUT' | 'INVALID_CONFIG' = 'INVALID_INPUT',
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  const first = result.error.issues[0];
  const field = first && first.path.length ? first.path.join('.') : undefined;
  throw new AppError(
    code,
    `${what} is invalid: ${issues.slice(0, 3).join('; ')}${issues.length > 3 ? ` (+${issues.length - 3} more)` : ''}`,
    field ? `fix the field "${field}"` : `check ${what}`,
    { details: { fields: result.error.issues.map((i) => i.path.join('.')) } },
  );
}
