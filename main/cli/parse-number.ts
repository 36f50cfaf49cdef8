import { AppError } from '../core/errors/app-error.js';

export function parseSeconds(value: unknown, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new AppError('BAD_USAGE', `${flag} must be a positive whole number of seconds, got "${String(value)}"`, `e.g. ${flag} 300`);
  return n;
}
