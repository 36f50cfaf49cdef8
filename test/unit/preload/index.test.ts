import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type RendererApi } from '../../../main/core/ipc/contract.js';

/**
 * The real preload (preload/index.cts), compiled to CommonJS as the build does and run with a
 * stand-in `electron` (the sandboxed preload can require nothing else): the bridge it exposes must
 * pass every contract channel through and refuse anything else, so a channel added to the contract
 * but not the preload, or the reverse, fails here (and already fails to compile).
 */
const SOURCE = join(import.meta.dirname, '../../../preload/index.cts');
let api: RendererApi;
const invoked: string[] = [];
const subscribed: string[] = [];
const exposed: string[] = [];

beforeAll(() => {
  const { outputText } = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, value: RendererApi) => {
        exposed.push(name);
        api = value;
      },
    },
    ipcRenderer: {
      invoke: async (channel: string) => void invoked.push(channel),
      on: (channel: string) => void subscribed.push(channel),
      removeListener: () => undefined,
    },
  };
  const required: string[] = [];
  const fakeRequire = (id: string) => {
    required.push(id);
    if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
    return electron;
  };
  const module = { exports: {} };
  new Function('require', 'module', 'exports', outputText)(fakeRequire, module, module.exports);
  expect(required).toEqual(['electron']);
});

describe('preload bridge', () => {
  it('exposes one object, window.cognitoInspector, with invoke and on only', () => {
    expect([exposed, Object.keys(api).sort()]).toEqual([['cognitoInspector'], ['invoke', 'on']]);
  });

  it('passes every contract invoke channel to ipcRenderer, and no other', async () => {
    for (const channel of INVOKE_CHANNELS) await api.invoke(channel, {} as never);
    expect(invoked).toEqual(INVOKE_CHANNELS);
    const literals = [...readFileSync(SOURCE, 'utf8').matchAll(/'([a-z-]+:[a-z-]+)'/g)].map((m) => m[1]);
    // every channel named in the preload is a contract channel (an extra one would be let through)
    expect(literals.filter((c) => !(INVOKE_CHANNELS as string[]).includes(c!) && !(EVENT_CHANNELS as string[]).includes(c!))).toEqual([]);
  });

  it.each(['debug:eval', 'session:changed', '__proto__', 'constructor', ''])('refuses invoke on %j', async (channel) => {
    await expect(api.invoke(channel as never, {} as never)).rejects.toThrow(/unknown channel/);
  });

  it('subscribes to every contract event channel, and no other', () => {
    for (const channel of EVENT_CHANNELS) api.on(channel, () => undefined);
    expect(subscribed).toEqual([...EVENT_CHANNELS]);
    expect(() => api.on('profiles:list' as never, () => undefined)).toThrow(/unknown event/);
    expect(() => api.on('toString' as never, () => undefined)).toThrow(/unknown event/);
  });
});
