// The bridge: exposes exactly the contract's channels on window.cognitoInspector, nothing else.
// Sandboxed preloads are CommonJS; only types come from the contract, so nothing else is bundled.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandboxed preload is CommonJS
import electron = require('electron');
import type { RendererApi, InvokeChannel, EventChannel } from '../main/core/ipc/contract.js';

const { contextBridge, ipcRenderer } = electron;

// Exactly the contract's channels: `satisfies Record<Channel, true>` makes a channel missing here, or
// one the contract lacks, a compile error, without loading the contract at run time (a sandboxed
// preload can require only 'electron', and the contract brings zod). A unit test runs this file
// against INVOKE_CHANNELS / EVENT_CHANNELS too.
const INVOKE: ReadonlySet<string> = new Set(Object.keys({
  'app:bootstrap': true,
  'app:capabilities': true,
  'app:keychain': true,
  'app:copy-text': true,
  'profiles:list': true,
  'profiles:get': true,
  'profiles:save': true,
  'profiles:duplicate': true,
  'profiles:remove': true,
  'profiles:import-amplify': true,
  'session:get': true,
  'auth:sign-in': true,
  'auth:refresh': true,
  'auth:cancel': true,
  'auth:sign-out': true,
  'inspect:token': true,
  'credentials:get': true,
  'credentials:whoami': true,
  'credentials:copy': true,
  'timeline:list': true,
  'timeline:har': true,
  'tester:authorize-url': true,
  'tester:doctor': true,
  'tester:try': true,
  'tester:try-cancel': true,
  'tester:try-last': true,
  'tester:scopes': true,
} satisfies Record<InvokeChannel, true>));
const EVENTS: ReadonlySet<string> = new Set(Object.keys({
  'session:changed': true,
  'credentials:changed': true,
  'auth:waiting': true,
  'profiles:changed': true,
  'tester:waiting': true,
} satisfies Record<EventChannel, true>));

const api: RendererApi = {
  invoke: (channel, request) => {
    if (!INVOKE.has(channel)) return Promise.reject(new Error(`unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, request);
  },
  on: (channel, listener) => {
    if (!EVENTS.has(channel)) throw new Error(`unknown event ${String(channel)}`);
    const wrapped = (_e: unknown, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  },
};

contextBridge.exposeInMainWorld('cognitoInspector', api);
