import type { RendererApi } from '../../main/core/ipc/contract.js';

declare global {
  interface Window {
    cognitoInspector?: RendererApi;
  }
}

/** The preload's bridge; absent when the page is opened outside the app. */
export function bridge(): RendererApi {
  if (!window.cognitoInspector) throw new Error('Cognito Inspector bridge missing: open this page from the app');
  return window.cognitoInspector;
}
