import { AppError } from '../errors/app-error.js';

export interface LoopbackTarget { uri: string; url: URL; port: number; path: string }

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Parses the profile's ordered redirect URIs; each must be plain http on a loopback host. */
export function parseRedirectUris(uris: string[]): LoopbackTarget[] {
  if (uris.length === 0) {
    throw new AppError('INVALID_CONFIG', 'No redirect URI is configured.', 'Add a redirect URI such as http://localhost:53682/callback to the profile and to the app client.');
  }
  return uris.map((uri) => {
    let url: URL;
    try {
      url = new URL(uri);
    } catch (cause) {
      throw new AppError('INVALID_CONFIG', `The redirect URI ${uri} is not a URL.`, 'Use a URI such as http://localhost:53682/callback.', { cause });
    }
    if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.hash || url.search) {
      throw new AppError('INVALID_CONFIG', `The redirect URI ${uri} is not a plain loopback http URI.`,
        'Use http://localhost:PORT/PATH (Cognito accepts plain http only for localhost), without query or fragment.',
        { details: { redirectUri: uri } });
    }
    return { uri, url, port: url.port === '' ? 80 : Number(url.port), path: url.pathname };
  });
}

/** The URI with the bound port, keeping the user's exact spelling otherwise (Cognito matches strings). */
export function withPort(target: LoopbackTarget, port: number): string {
  if (target.port === port) return target.uri;
  const url = new URL(target.uri);
  url.port = String(port);
  return url.href;
}
