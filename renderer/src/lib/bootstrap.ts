import type { Bootstrap } from '../../../main/core/ipc/contract.js';
import type { Result } from '../../../main/core/errors/app-error.js';
import { bridge, initialProfile } from '../api.js';

export const SELECTED_KEY = 'cognito-inspector:selected-profile';

/** The profile the window opens on: the one it was opened for (`?profile=`), else the last one shown. */
export function rememberedProfile(): string | undefined {
  return initialProfile() ?? localStorage.getItem(SELECTED_KEY) ?? undefined;
}

let pending: Promise<Result<Bootstrap>> | undefined;
let answered: Result<Bootstrap> | undefined;

/** How long main.tsx waits for the first answer before drawing the shell with placeholders instead. */
export const SHELL_AFTER_MS = 80;

/**
 * The window's first data (capabilities, keychain, profiles, the shown profile's session) in one
 * round trip, asked once. main.tsx asks before React's first render and waits up to SHELL_AFTER_MS
 * for it: a quick answer is drawn in the first render; a slow one finds the shell drawn already.
 */
export function bootstrapOnce(): Promise<Result<Bootstrap>> {
  if (!pending) {
    const profile = rememberedProfile();
    pending = bridge()
      .invoke('app:bootstrap', profile ? { profile } : {})
      .catch((): Result<Bootstrap> => ({ ok: false, error: { code: 'INTERNAL', message: 'the app did not answer the window', hint: 'restart the app' } }))
      .then((r) => (answered = r));
  }
  return pending;
}

/** The first answer if it is already in: the window's first render then shows it, no placeholders. */
export function bootstrapAnswer(): Result<Bootstrap> | undefined {
  return answered;
}
