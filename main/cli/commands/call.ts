import { AppError } from '../../core/errors/app-error.js';
import { parseHeader, resolveApiUrl, sendApiRequest, type ApiResponse } from '../../core/aws/call-api.js';
import { signRequest } from '../../core/aws/sigv4.js';
import { cliContext } from '../context.js';
import { fetchFor, printJson, type Io } from '../output.js';
import type { Action } from '../program.js';
import { resolveProfile } from '../resolve-profile.js';
import { cliSession } from '../session-access.js';
import type { CredentialFlags } from './credentials-options.js';
import { credentialsFor } from './credentials-resolve.js';

interface CallFlags extends CredentialFlags {
  token?: 'id' | 'access';
  request?: string;
  header?: string[];
  data?: string;
  sigv4?: string;
  json?: boolean;
}

/**
 * `call URL`: one request with the session's token (the ID token as-is, as API Gateway's Cognito
 * authorizer expects by default; or `Bearer <access token>`), or SigV4-signed with the pool's
 * temporary credentials. Exit 0 for a status below 400, else 1.
 */
const action: Action = async (io, opts, args) => {
  const flags = opts as CallFlags;
  const profile = await resolveProfile(cliContext(io).profiles, flags);
  const url = resolveApiUrl(args[0] ?? '', profile.apiBaseUrl, profile.name);
  const headers: Record<string, string> = {};
  for (const h of flags.header ?? []) {
    const [k, v] = parseHeader(h);
    headers[k] = v;
  }
  const method = (flags.request ?? (flags.data !== undefined ? 'POST' : 'GET')).toUpperCase();
  const body = flags.data;
  const has = (name: string) => Object.keys(headers).some((k) => k.toLowerCase() === name);
  if (body !== undefined && !has('content-type')) headers['Content-Type'] = /^\s*[[{]/.test(body) ? 'application/json' : 'text/plain';

  let sendHeaders: Record<string, string>;
  if (flags.sigv4) {
    const { credentials, target } = await credentialsFor(io, { ...flags, profile: profile.name });
    sendHeaders = await signRequest({ method, url, headers, ...(body !== undefined ? { body } : {}) }, credentials, target.region, flags.sigv4);
  } else {
    const { manager } = await cliSession(io, profile, flags.clientSecretEnv ? { clientSecretEnv: flags.clientSecretEnv } : {});
    const tokens = await manager.tokens(profile.name);
    const useAccess = flags.token === 'access';
    const token = useAccess ? tokens.accessToken : tokens.idToken;
    if (!token) throw new AppError('NOT_SIGNED_IN', 'the session has no ID token', 'use --token access, or sign in with the openid scope');
    sendHeaders = has('authorization') ? headers : { ...headers, Authorization: useAccess ? `Bearer ${token}` : token };
  }
  const res = await sendApiRequest({ method, url, headers: sendHeaders, ...(body !== undefined ? { body } : {}) }, fetchFor(io, profile.name));
  print(io, res, Boolean(flags.json));
  // The OIDC userInfo endpoint takes the access token; the ID token (the default here) gets a bare 400/401.
  if (res.status >= 400 && !flags.sigv4 && flags.token !== 'access' && /\/userinfo$/i.test(new URL(url).pathname)) {
    io.stderr('hint: the userInfo endpoint takes the access token, not the ID token: add --token access\n');
  }
  return res.status < 400 ? 0 : 1;
};
export default action;

function print(io: Io, res: ApiResponse, json: boolean): void {
  if (json) {
    const type = res.headers.find(([k]) => k === 'content-type')?.[1] ?? '';
    let body: unknown = res.body;
    if (/json/i.test(type)) {
      try {
        body = JSON.parse(res.body);
      } catch {
        // not JSON after all: keep the text
      }
    }
    return printJson(io, { status: res.status, statusText: res.statusText, headers: Object.fromEntries(res.headers), body });
  }
  io.stdout(`HTTP ${res.status} ${res.statusText}\n${res.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${res.body}${res.body.endsWith('\n') || !res.body ? '' : '\n'}`);
}
