import { AppError } from '../errors/app-error.js';
import type { CallerIdentityView, CopyResult, CredentialsView } from '../ipc/contract.js';
import type { Clock, Fetch, ShellPorts } from '../ports.js';
import type { Profile } from '../profiles/schema.js';
import type { AwsCredentialsEntry, SessionVault } from '../secrets/session-vault.js';
import type { CredentialChoice } from './credentials-keeper.js';

const COPY_NAMES = { env: 'environment variables', ini: 'a ~/.aws/credentials block', process: 'credential_process JSON' } as const;

/**
 * The AWS panel's actions. The secret key and session token stay in the keychain entry and this
 * process: `credentials:copy` writes them to the clipboard itself when the shell can, and only
 * without a main-process clipboard (the browser shell) returns the text, for that one click.
 */
export function awsHandlers(deps: {
  clock: Clock;
  vault: SessionVault;
  shell: ShellPorts | undefined;
  profile: (name: string) => Promise<Profile>;
  keeper: { get(profile: string, fresh: boolean, choice: CredentialChoice): Promise<CredentialsView> };
  /** The recorder's fetch for a profile: STS GetCallerIdentity lands in its Timeline too. */
  fetch?: (profile: string) => Fetch;
}) {
  async function current(profile: string): Promise<AwsCredentialsEntry> {
    const c = (await deps.vault.read(profile))?.awsCredentials;
    if (!c || (c.expiration !== undefined && c.expiration <= deps.clock.now())) {
      throw new AppError('NOT_SIGNED_IN', `no current AWS credentials for profile "${profile}"`, 'get credentials first (AWS tab, "Get credentials")');
    }
    return c;
  }

  return {
    'credentials:get': (req: { profile: string; fresh?: boolean; roleArn?: string; guest?: boolean }) =>
      deps.keeper.get(req.profile, Boolean(req.fresh || req.roleArn || req.guest), { ...(req.roleArn ? { roleArn: req.roleArn } : {}), ...(req.guest ? { guest: true } : {}) }),
    'credentials:whoami': async (req: { profile: string }): Promise<CallerIdentityView> => {
      const [{ identityTarget }, { whoami }] = await Promise.all([import('../aws/target.js'), import('../aws/whoami.js')]);
      const target = identityTarget(await deps.profile(req.profile));
      return { profile: req.profile, ...(await whoami(target, await current(req.profile), deps.fetch?.(req.profile))) };
    },
    'credentials:copy': async (req: { profile: string; format: 'env' | 'ini' | 'process' }): Promise<CopyResult> => {
      const { envLines, iniBlock, processJson } = await import('../aws/export-format.js');
      const c = await current(req.profile);
      const text = req.format === 'env' ? envLines(c) : req.format === 'ini' ? iniBlock(c, req.profile) : processJson(c);
      const what = COPY_NAMES[req.format];
      if (deps.shell?.writeClipboard) {
        await deps.shell.writeClipboard(text);
        return { copied: true, what };
      }
      return { copied: false, text, what };
    },
  };
}
