import type { ErrorInfo, Result } from '../../../main/core/errors/app-error.js';
import type { EventChannel, EventPayloads, RendererApi } from '../../../main/core/ipc/contract.js';
import { HTTP_EVENTS_PATH, HTTP_INVOKE_PATH, HTTP_REQUEST_HEADER } from '../../../main/core/ipc/http-transport.js';
import { createSseParser } from './sse-parser.js';

/**
 * The bridge in the browser shell (`cognito-inspector ui`): the same RendererApi the Electron
 * preload exposes, over HTTP to the page's own origin. Invokes are JSON POSTs answered with the
 * contract's Result; events arrive on one Server-Sent Events stream, read with fetch (not
 * EventSource) so the stream request carries the same custom header and Origin as every other API
 * request. The session cookie goes along on its own (same origin).
 */
const API_HEADERS = { 'Content-Type': 'application/json', [HTTP_REQUEST_HEADER]: '1' };
const RETRY_MS = [500, 1000, 2000, 5000];

const transportError = (message: string): ErrorInfo => ({
  code: 'NETWORK_UNREACHABLE',
  message,
  hint: 'is `cognito-inspector ui` still running? Start it again and open the link it prints',
});

export function httpBridge(fetchImpl: typeof fetch = (...args) => fetch(...args)): RendererApi {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const parse = createSseParser(({ event, data }) => {
    const set = listeners.get(event);
    if (!set?.size) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    set.forEach((l) => l(payload as never));
  });

  // One stream for the page's lifetime, reconnecting after a restart or a dropped connection; a
  // refusal (the page's session is not this launch's) ends it: reconnecting cannot fix that.
  const stream = async (attempt: number): Promise<void> => {
    let refused = false;
    try {
      const res = await fetchImpl(HTTP_EVENTS_PATH, { method: 'POST', headers: API_HEADERS, body: '{}', credentials: 'same-origin', cache: 'no-store' });
      refused = res.status === 403 || res.status === 421;
      if (res.ok && res.body) {
        attempt = 0;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (let r = await reader.read(); !r.done; r = await reader.read()) parse(r.value);
      }
    } catch {
      // dropped: retry below
    }
    if (!refused) setTimeout(() => void stream(attempt + 1), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
  };
  void stream(0);

  return {
    async invoke(channel, request) {
      let res: Response;
      try {
        res = await fetchImpl(HTTP_INVOKE_PATH, { method: 'POST', headers: API_HEADERS, body: JSON.stringify({ channel, payload: request }), credentials: 'same-origin', cache: 'no-store' });
      } catch {
        return { ok: false, error: transportError('the app could not be reached') };
      }
      try {
        // Refusals come in the Result shape too (ACCESS_DENIED …), so every answer is one.
        return (await res.json()) as Result<never>;
      } catch {
        return { ok: false, error: transportError(`the app answered ${res.status} without a result`) };
      }
    },
    on<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => void set.delete(listener as (payload: never) => void);
    },
  };
}
