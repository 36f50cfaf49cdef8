import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Result } from '../core/errors/app-error.js';
import type { InvokeChannel, InvokeResponses, EventChannel, EventPayloads } from '../core/ipc/contract.js';
import { dispatchInvoke, type Handler } from '../core/ipc/dispatch.js';
import type { SenderFrame } from './security.js';

/**
 * The only place that calls ipcMain. Every handler checks its sender (our own window's main frame,
 * loaded from our own origin) and parses its payload before the handler sees it, and returns a
 * Result instead of throwing across the bridge.
 */
export type { Handler };

export function registerHandler<C extends InvokeChannel>(
  channel: C,
  isTrustedSender: (sender: WebContents, frame: SenderFrame | null | undefined) => boolean,
  handler: Handler<C>,
): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<InvokeResponses[C]>> => {
    if (!isTrustedSender(event.sender, event.senderFrame)) {
      return { ok: false, error: { code: 'ACCESS_DENIED', message: `IPC ${channel} from an untrusted frame`, hint: 'only the app window may call this' } };
    }
    return dispatchInvoke(channel, handler, payload);
  });
}

export function sendEvent<E extends EventChannel>(target: WebContents, channel: E, payload: EventPayloads[E]): void {
  if (!target.isDestroyed()) target.send(channel, payload);
}
