import { toHar } from '../trace/har.js';
import type { Recorder } from '../trace/recorder.js';
import type { Exchange } from '../trace/types.js';

/**
 * The window's Timeline tab: a profile's recorded exchanges (newest first) and the same as a HAR
 * file. Everything here was redacted when it was recorded; nothing unredacted exists to leak.
 */
export function timelineHandlers(recorder: Recorder, version: string) {
  return {
    'timeline:list': async (req: { profile: string }): Promise<Exchange[]> => recorder.list(req.profile).reverse(),
    'timeline:har': async (req: { profile: string }): Promise<{ fileName: string; content: string }> => ({
      fileName: `${req.profile}-${new Date().toISOString().replace(/[:.]/g, '-')}.har`,
      content: JSON.stringify(toHar(recorder.list(req.profile), version), null, 2),
    }),
  };
}
