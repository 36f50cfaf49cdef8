import type { IncomingMessage } from 'node:http';
import type { Result } from '../core/errors/app-error.js';

/** The largest invoke body: a pasted token is at most 64 KiB, and JSON escaping adds a little. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Reads and parses a JSON request body, refusing oversized or malformed ones with INVALID_INPUT. */
export async function readJsonBody(req: IncomingMessage): Promise<Result<unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      req.destroy();
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'request body too large', hint: `at most ${MAX_BODY_BYTES} bytes` } };
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, error: { code: 'INVALID_INPUT', message: 'request body is not JSON', hint: 'send {"channel": ..., "payload": ...}' } };
  }
}
