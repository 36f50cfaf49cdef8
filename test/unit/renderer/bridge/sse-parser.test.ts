import { describe, expect, it } from 'vitest';
import { createSseParser, type SseFrame } from '../../../../renderer/src/bridge/sse-parser.js';

describe('SSE parser (the browser bridge)', () => {
  const stream = ': connected\n\nevent: session:changed\ndata: {"state":"signed-in"}\n\n: ping\n\nevent: auth:waiting\r\ndata: {"a":1}\r\n\r\n';
  const expected: SseFrame[] = [
    { event: 'session:changed', data: '{"state":"signed-in"}' },
    { event: 'auth:waiting', data: '{"a":1}' },
  ];

  it.each([1, 2, 3, 7, stream.length])('yields whole frames whatever the chunk size (%i)', (size) => {
    const frames: SseFrame[] = [];
    const feed = createSseParser((f) => frames.push(f));
    for (let i = 0; i < stream.length; i += size) feed(stream.slice(i, i + size));
    expect(frames).toEqual(expected);
  });

  it('holds back an unfinished frame', () => {
    const frames: SseFrame[] = [];
    const feed = createSseParser((f) => frames.push(f));
    feed('event: x\ndata: 1\n');
    expect(frames).toEqual([]);
    feed('\n');
    expect(frames).toEqual([{ event: 'x', data: '1' }]);
  });
});
