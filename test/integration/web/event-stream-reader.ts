import { request } from 'node:http';
import type { RunningUi } from './support.js';

/**
 * Reads the shell's event stream the way the page's bridge does (same cookie, Origin and header),
 * keeping every byte, so a test can assert what went out and that nothing secret did.
 */
export function readEventStream(ui: RunningUi, cookie: string): { text(): string; until(re: RegExp): Promise<void>; close(): void } {
  let text = '';
  const waiters: { re: RegExp; done: () => void }[] = [];
  const req = request(
    {
      host: '127.0.0.1',
      port: ui.port,
      path: '/api/events',
      method: 'POST',
      headers: { host: `127.0.0.1:${ui.port}`, origin: ui.origin, cookie, 'content-type': 'application/json', 'x-cognito-inspector': '1' },
    },
    (res) => {
      res.on('data', (c: Buffer) => {
        text += c.toString('utf8');
        for (const w of [...waiters]) {
          if (w.re.test(text)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.done();
          }
        }
      });
    },
  );
  req.on('error', () => undefined);
  req.end('{}');
  return {
    text: () => text,
    until: (re) => (re.test(text) ? Promise.resolve() : new Promise<void>((done) => waiters.push({ re, done }))),
    close: () => req.destroy(),
  };
}
