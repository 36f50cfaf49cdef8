import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../main/core/ipc/contract.js';

/**
 * The preload cannot import the contract's values (a sandboxed preload gets no bundling), so it
 * lists the channels itself. A channel added to the contract and missed there fails silently in
 * the app; this keeps the two lists equal.
 */
const source = readFileSync(join(import.meta.dirname, '../../../preload/index.cts'), 'utf8');
const listed = (name: string) => {
  const m = new RegExp(`const ${name}[^=]*=\\s*\\[([^\\]]*)\\]`).exec(source);
  return [...(m?.[1] ?? '').matchAll(/'([^']+)'/g)].map((x) => x[1]).sort();
};

describe('preload allow-lists', () => {
  it('expose exactly the contract’s invoke channels and events', () => {
    expect(listed('INVOKE')).toEqual([...INVOKE_CHANNELS].sort());
    expect(listed('EVENTS')).toEqual([...EVENT_CHANNELS].sort());
  });
});
