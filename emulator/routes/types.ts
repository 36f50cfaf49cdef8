import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context.js';

export interface RouteInput {
  ctx: EmulatorContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  body: Buffer;
}

export type Route = (input: RouteInput) => Promise<void>;
