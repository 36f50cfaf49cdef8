import type { z } from 'zod';
import { AppError, isAppError, type ErrorInfo, type Result } from '../errors/app-error.js';
import { invokeSchemas, type InvokeChannel, type InvokeResponses } from './contract.js';

/**
 * One invoke, the same for both shells: the payload (arriving as `unknown`) is parsed with the
 * contract's schema before the handler sees it, and the answer is a Result, never a throw. The
 * Electron shell calls this after its sender check, the browser shell after its request checks.
 */
export type Handler<C extends InvokeChannel> = (request: z.infer<(typeof invokeSchemas)[C]>) => Promise<InvokeResponses[C]>;

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && Object.hasOwn(invokeSchemas, channel);
}

export async function dispatchInvoke<C extends InvokeChannel>(channel: C, handler: Handler<C>, payload: unknown): Promise<Result<InvokeResponses[C]>> {
  const parsed = invokeSchemas[channel].safeParse(payload ?? {});
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || '(payload)';
    return { ok: false, error: { code: 'INVALID_INPUT', message: `invalid ${channel} request: ${field}`, hint: 'the renderer sent a malformed request' } };
  }
  try {
    return { ok: true, value: await handler(parsed.data as z.infer<(typeof invokeSchemas)[C]>) };
  } catch (err) {
    return { ok: false, error: toErrorInfo(err) };
  }
}

/** What crosses the bridge for a failure: an AppError's own info, anything else as INTERNAL (no stack, no library text). */
export function toErrorInfo(err: unknown): ErrorInfo {
  return (isAppError(err) ? err : new AppError('INTERNAL', 'unexpected failure', 'see the app log')).toInfo();
}
