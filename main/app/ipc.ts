import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { AppError, isAppError, type Result } from '../core/errors/app-error.js';
import { invokeSchemas, type InvokeChannel, type InvokeResponses, type EventChannel, type EventPayloads } from '../core/ipc/contract.js';
import type { z } from 'zod';

/**
 * The only place that calls ipcMain. Every handler checks its sender (our own window's main frame,
 * loaded from our own origin) and parses its payload before the handler sees it, and returns a
 * Result instead of throwing across the bridge.
 */
export type Handler<C extends InvokeChannel> = (request: z.infer<(typeof invokeSchemas)[C]>) => Promise<InvokeResponses[C]>;

export function registerHandler<C extends InvokeChannel>(
  channel: C,
  isTrustedSender: (sender: WebContents, frameUrl: string | undefined) => boolean,
  handler: Handler<C>,
): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<InvokeResponses[C]>> => {
    if (!isTrustedSender(event.sender, event.senderFrame?.url)) {
      return { ok: false, error: { code: 'ACCESS_DENIED', message: `IPC ${channel} from an untrusted frame`, hint: 'only the app window may call this' } };
    }
    const parsed = invokeSchemas[channel].safeParse(payload ?? {});
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || '(payload)';
      return { ok: false, error: { code: 'INVALID_INPUT', message: `invalid ${channel} request: ${field}`, hint: 'the renderer sent a malformed request' } };
    }
    try {
      return { ok: true, value: await handler(parsed.data as z.infer<(typeof invokeSchemas)[C]>) };
    } catch (err) {
      const e = isAppError(err) ? err : new AppError('INTERNAL', 'unexpected failure', 'see the app log');
      return { ok: false, error: e.toInfo() };
    }
  });
}

export function sendEvent<E extends EventChannel>(target: WebContents, channel: E, payload: EventPayloads[E]): void {
  if (!target.isDestroyed()) target.send(channel, payload);
}
