import type { Bootstrap } from '../../../main/core/ipc/contract.js';
import type { Result } from '../../../main/core/errors/app-error.js';
import { bridge, initialProfile } from '../api.js';

export const SELECTED_KEY = 'cognito-inspector:selected-profile';

/** The profile the window opens on: the one it was opened for (`?profile=`), else the last one shown. */
export function rememberedProfile(): string | undefined {
  return initialProfile() ?? localStorage.getItem(SELECTED_KEY) ?? undefined;
}

let pending: Promise<Result<Bootstrap>> | undefined;

/**
 * The window's first data (capabilities, keychain, profiles, the shown profile's session) in one
 * round trip, asked once. main.tsx asks before React's first render, so the request is on the wire
 * while React draws the shell.
 */
export function bootstrapOnce(): Promise<Result<Bootstrap>> {
  if (!pending) {
    const profile = rememberedProfile();
    pending = bridge()
      .invoke('app:bootstrap', profile ? { profile } : {})
      .catch(() => ({ ok: false as const, error: { code: 'INTERNAL' as const, message: 'the app did not answer the window', hint: 'restart the app' } }));
  }
  return pending;
}
