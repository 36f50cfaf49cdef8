import type { ErrorCode } from './codes.js';

/** What crosses IPC and what the CLI prints: never a stack, never a secret. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  hint: string;
  /** Structured context (port numbers, scope names, claim names); never secrets. */
  details?: Record<string, unknown>;
}

/**
 * The one error class core code throws. `cause` keeps the library error for `--debug`; it is not
 * serialised.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, hint: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = hint;
    this.details = options?.details;
  }

  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message, hint: this.hint }
      : { code: this.code, message: this.message, hint: this.hint, details: this.details };
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** Result union used across IPC and by core functions that must not throw. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ErrorInfo): Result<never> => ({ ok: false, error });
