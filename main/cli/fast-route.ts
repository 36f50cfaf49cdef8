import { processJson } from '../core/aws/export-format.js';
import { cachedCredentialsFast } from '../core/aws/cached-fast-path.js';
import { inspectorHome } from '../core/profiles/home.js';
import { createSystemSecretStore } from '../core/secrets/system-store.js';

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
