// The bridge: exposes exactly the contract's channels on window.cognitoInspector, nothing else.
// Sandboxed preloads are CommonJS; only types come from the contract, so nothing else is bundled.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandboxed preload is CommonJS
import electron = require('electron');
import type { RendererApi, InvokeChannel, EventChannel } from '../main/core/ipc/contract.js';

const { contextBridge, ipcRenderer } = electron;

// Kept equal to the contract's INVOKE_CHANNELS / EVENT_CHANNELS (a unit test compares them).
const INVOKE: readonly InvokeChannel[] = [
  'app:capabilities',
  'app:keychain',
  'app:copy-text',
  'profiles:list',
  'profiles:get',
  'profiles:save',
  'profiles:duplicate',
  'profiles:remove',
  'profiles:import-amplify',
  'session:get',
  'auth:sign-in',
  'auth:refresh',
  'auth:cancel',
  'auth:sign-out',
  'inspect:token',
  'credentials:get',
  'credentials:whoami',
  'credentials:copy',
];
const EVENTS: readonly EventChannel[] = ['session:changed', 'credentials:changed', 'auth:waiting', 'profiles:changed'];

const api: RendererApi = {
  invoke: (channel, request) => {
    if (!INVOKE.includes(channel)) return Promise.reject(new Error(`unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, request);
  },
  on: (channel, listener) => {
    if (!EVENTS.includes(channel)) throw new Error(`unknown event ${String(channel)}`);
    const wrapped = (_e: unknown, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  },
};

contextBridge.exposeInMainWorld('cognitoInspector', api);
