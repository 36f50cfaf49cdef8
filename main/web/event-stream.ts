import type { ServerResponse } from 'node:http';

/**
 * Server-Sent Events to every open page: one frame per contract event, `event: <channel>` and the
 * payload as JSON. The number of open streams is how the shell knows whether any page is open.
 */
export interface EventHub {
  add(res: ServerResponse): void;
  send(channel: string, payload: unknown): void;
  readonly size: number;
  closeAll(): void;
}

const HEARTBEAT_MS = 15_000;

export function createEventHub(onCountChange: (open: number) => void): EventHub {
  const clients = new Set<ServerResponse>();
  // A comment line now and then: proxies keep the stream open and a dead peer is noticed.
  const heartbeat = setInterval(() => clients.forEach((res) => res.write(': ping\n\n')), HEARTBEAT_MS);
  heartbeat.unref();
  return {
    add(res) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
      res.write(': connected\n\n');
      clients.add(res);
      onCountChange(clients.size);
      res.once('close', () => {
        clients.delete(res);
        onCountChange(clients.size);
      });
    },
    send(channel, payload) {
      // JSON has no raw newlines, so one data: line carries the whole payload.
      const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
      clients.forEach((res) => res.write(frame));
    },
    get size() {
      return clients.size;
    },
    closeAll() {
      clearInterval(heartbeat);
      clients.forEach((res) => res.end());
      clients.clear();
    },
  };
}
