import { decodeJwt } from 'jose';
import type { ClientConfig, AuthDeps } from '../auth/types.js';
import type { Profile } from '../profiles/schema.js';
import type { BrowserOpener } from '../ports.js';
import type { Recorder } from '../trace/recorder.js';
import type { AuthOps } from './ports.js';

/** A profile's sign-in settings, with the client secret (from the keychain or an env var) if any. */
export function clientConfigFor(profile: Profile, clientSecret?: string): ClientConfig {
  const extraParams = { ...profile.authorizeParams };
  return {
    issuer: profile.issuer,
    clientId: profile.clientId,
    ...(clientSecret ? { clientSecret } : {}),
    scopes: profile.scopes,
    redirectUris: profile.redirectUris,
    ...(profile.identityProvider ? { identityProvider: profile.identityProvider } : {}),
    ...(Object.keys(extraParams).length ? { extraParams } : {}),
    ...(profile.hostedUiDomain ? { hostedUiDomain: profile.hostedUiDomain } : {}),
  };
}

/**
 * Binds the protocol operations to profiles. The engine is imported lazily: a CLI call answered
 * from the keychain never loads openid-client.
 */
export function profileAuthOps(resolve: (profile: string) => Promise<ClientConfig>, shared: AuthDeps & { browser: BrowserOpener; recorder?: Recorder }): AuthOps {
  // With a recorder (the window's timeline), each profile's exchanges are recorded under its name.
  const forProfile = (profile: string): AuthDeps & { browser: BrowserOpener } => {
    const { recorder, ...rest } = shared;
    if (!recorder) return rest;
    return { ...rest, fetch: recorder.wrap(rest.fetch ?? globalThis.fetch, { profile }), trace: { note: (e) => recorder.note({ ...e, profile }) } };
  };
  return {
    async signIn(profile, request) {
      const cfg = await resolve(profile);
      const deps = forProfile(profile);
      const { signIn } = await import('../auth/sign-in.js');
      const withParams = request.extraParams ? { ...cfg, extraParams: { ...cfg.extraParams, ...request.extraParams } } : cfg;
      return signIn(withParams, {
        ...deps,
        ...(request.signal ? { signal: request.signal } : {}),
        ...(request.timeoutMs ? { timeoutMs: request.timeoutMs } : {}),
        ...(request.openBrowser === false ? { openBrowser: false } : {}),
        ...(request.onListening ? { onListening: request.onListening } : {}),
        ...(request.onBrowserError ? { onBrowserError: request.onBrowserError } : {}),
      });
    },
    async refresh(profile, refreshToken, previousIdToken) {
      const cfg = await resolve(profile);
      const { refreshTokens } = await import('../auth/refresh.js');
      const idClaims = previousIdToken ? safeClaims(previousIdToken) : undefined;
      return refreshTokens(cfg, refreshToken, idClaims ? { idClaims } : {}, forProfile(profile));
    },
    async revoke(profile, refreshToken) {
      const cfg = await resolve(profile);
      const { revokeRefreshToken } = await import('../auth/revoke.js');
      await revokeRefreshToken(cfg, refreshToken, forProfile(profile));
    },
  };
}

function safeClaims(jwt: string): Record<string, unknown> | undefined {
  try {
    return decodeJwt(jwt) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
