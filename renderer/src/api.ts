import type { RendererApi } from '../../main/core/ipc/contract.js';
import { httpBridge } from './bridge/http-bridge.js';

declare global {
  interface Window {
    cognitoInspector?: RendererApi;
  }
}

let current: RendererApi | undefined;

/**
 * The one bridge to the app: the Electron preload's when it provided one, else the browser shell's
 * HTTP client. Callers never learn which; what a shell can do is asked through `app:capabilities`.
 */
export function bridge(): RendererApi {
  return (current ??= window.cognitoInspector ?? httpBridge());
}

/** The profile to show first when the page was opened for one (`ui --profile NAME` → `?profile=`). */
export function initialProfile(): string | undefined {
  return new URLSearchParams(window.location.search).get('profile') ?? undefined;
}
