import { processJson } from '../core/aws/export-format.js';
import { cachedCredentialsFast } from '../core/aws/cached-fast-path.js';
import { inspectorHome } from '../core/profiles/home.js';
import { createSystemSecretStore } from '../core/secrets/system-store.js';
import { cachedSessionFast, validFor } from '../core/session/cached-session-fast.js';
import { sessionStatus } from '../core/session/session-status.js';
import { printStatus } from './print-status.js';
import type { Io } from './output.js';

/**
 * `credentials --format process` is what the AWS CLI and SDKs run before every call, so a cached
 * answer skips the command framework entirely. Only the plain shape is taken here
 * (`credentials --format process [--profile NAME] [--role-arn ARN]`); anything else, and any miss,
 * returns false and the full CLI handles it (and reports problems properly).
 */
export async function tryFastCredentials(argv: string[], env: NodeJS.ProcessEnv, write: (s: string) => void): Promise<boolean> {
  const args = parse(argv.slice(2));
  if (!args) return false;
  try {
    const hit = await cachedCredentialsFast({
      home: inspectorHome(env),
      ...(args.profile ? { profileName: args.profile } : {}),
      overrides: args.roleArn ? { roleArn: args.roleArn } : {},
      store: createSystemSecretStore(),
      nowMs: Date.now(),
    });
    if (!hit) return false;
    write(processJson(hit) + '\n');
    return true;
  } catch {
    return false;
  }
}

function parse(args: string[]): { profile?: string; roleArn?: string } | undefined {
  if (args[0] !== 'credentials') return undefined;
  const out: { profile?: string; roleArn?: string; format?: string } = {};
  for (let i = 1; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = inline ?? args[++i];
    if (value === undefined) return undefined;
    if (flag === '--format') out.format = value;
    else if (flag === '--profile' || flag === '-p') out.profile = value;
    else if (flag === '--role-arn') out.roleArn = value;
    else return undefined;
  }
  return out.format === 'process' ? out : undefined;
}

/** What `token` asks of a token when no flag says otherwise (token.ts: manager.tokens' default). */
const TOKEN_MIN_VALIDITY_MS = 30_000;

/**
 * Cached `token [--type id|access] [--profile NAME]` and `status [--json] [--profile NAME]` (a
 * signed-in session only): scripts call them in loops, so the answer comes from profiles.json and
 * the keychain entry without the command framework. Output is byte for byte the full CLI's; any
 * other flag, a token that needs a refresh, not signed in, or a keychain problem returns false and
 * the full CLI answers (and reports properly).
 */
export async function tryFastSession(argv: string[], env: NodeJS.ProcessEnv, write: (s: string) => void): Promise<boolean> {
  const args = parseSession(argv.slice(2));
  if (!args) return false;
  try {
    const store = createSystemSecretStore();
    const hit = await cachedSessionFast({ home: inspectorHome(env), store, ...(args.profile ? { profileName: args.profile } : {}) });
    if (!hit) return false;
    const now = Date.now();
    if (args.command === 'token') {
      if (!validFor(hit.tokens, TOKEN_MIN_VALIDITY_MS, now)) return false;
      const token = args.type === 'access' ? hit.tokens.accessToken : hit.tokens.idToken;
      if (!token) return false;
      write(token + '\n');
      return true;
    }
    const status = sessionStatus(hit.profile, hit.tokens, now, store.persistent);
    if (!status.signedIn) return false;
    if (args.json) write(JSON.stringify(status, null, 2) + '\n');
    else {
      write(`signed in with profile "${hit.profile.name}"\n`);
      printStatus({ stdout: write } as Pick<Io, 'stdout'> as Io, status);
    }
    return true;
  } catch {
    return false;
  }
}

function parseSession(args: string[]): { command: 'token' | 'status'; profile?: string; type?: string; json?: boolean } | undefined {
  const command = args[0];
  if (command !== 'token' && command !== 'status') return undefined;
  const out: { command: 'token' | 'status'; profile?: string; type?: string; json?: boolean } = { command };
  for (let i = 1; i < args.length; i++) {
    if (command === 'status' && args[i] === '--json') {
      out.json = true;
      continue;
    }
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = inline ?? args[++i];
    if (value === undefined) return undefined;
    if (flag === '--profile' || flag === '-p') out.profile = value;
    else if (command === 'token' && flag === '--type' && (value === 'id' || value === 'access')) out.type = value;
    else return undefined;
  }
  return out;
}
