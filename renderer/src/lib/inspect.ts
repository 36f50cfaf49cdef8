import type { ErrorInfo } from '../../../main/core/errors/app-error.js';
import { bridge } from '../api.js';
import type { Report } from './report.js';

/** Where to check a signature: the profile's issuer (the session's tokens), or a URL the person typed. */
export type VerifyWith = { profile: string } | { issuer: string } | { jwksUrl: string } | undefined;

export async function inspectToken(token: string, verify: VerifyWith): Promise<{ report?: Report; error?: ErrorInfo }> {
  // No `verify`: decoded locally, nothing contacted.
  const res = await bridge().invoke('inspect:token', { token, ...(verify ? { verify } : {}) });
  return res.ok ? { report: res.value as unknown as Report } : { error: res.error };
}

/** Copies text the window already shows (tokens, header lines): through the main process when it has a clipboard. */
export async function copyText(text: string, mainClipboard: boolean): Promise<void> {
  if (mainClipboard) {
    const res = await bridge().invoke('app:copy-text', { text });
    if (!res.ok) throw new Error(res.error.message);
    return;
  }
  await navigator.clipboard.writeText(text);
}
