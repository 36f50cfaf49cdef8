import type { AwsCredentialsEntry } from '../../core/secrets/session-vault.js';
import { processJson, envLines, iniBlock, jsonDocument, type ExportFormat, type Shell } from '../../core/aws/export-format.js';
import { inspectorHome } from '../../core/profiles/home.js';
import type { Io } from '../output.js';
import type { Action } from '../program.js';
import { overridesFrom, savedProfileOnly, type CredentialFlags } from './credentials-options.js';

/**
 * `credentials`: print temporary AWS credentials. AWS tools run `--format process` before each
 * call, so a cached answer takes a lean path (no schema library, session manager or AWS SDK is
 * loaded); anything else goes through the full path. Secrets go to stdout only.
 */
const action: Action = async (io, opts) => {
  const flags = opts as CredentialFlags & { format?: ExportFormat; shell?: Shell; section?: string; json?: boolean };
  const format: ExportFormat = flags.format ?? (flags.json ? 'json' : 'env');

  if (flags.cache !== false && savedProfileOnly(flags)) {
    const hit = await fastPath(io, flags);
    if (hit) return print(io, format, hit, true, flags);
  }
  const { credentialsFor } = await import('./credentials-resolve.js');
  const { credentials, cached, profile } = await credentialsFor(io, flags);
  print(io, format, credentials, cached, { ...flags, section: flags.section ?? profile.name });
};
export default action;

async function fastPath(io: Io, flags: CredentialFlags): Promise<AwsCredentialsEntry | undefined> {
  try {
    const [{ cachedCredentialsFast }, { createSystemSecretStore }] = await Promise.all([
      import('../../core/aws/cached-fast-path.js'),
      import('../../core/secrets/system-store.js'),
    ]);
    return await cachedCredentialsFast({
      home: inspectorHome(io.env),
      ...(flags.profile ? { profileName: flags.profile } : {}),
      overrides: overridesFrom(flags),
      store: createSystemSecretStore(), // the keychain as the vault reads it; memory (a miss) without one
      nowMs: Date.now(),
    });
  } catch {
    return undefined; // the full path reports keychain and usage problems properly
  }
}

function print(io: Io, format: ExportFormat, c: AwsCredentialsEntry, cached: boolean, flags: { shell?: Shell; section?: string; profile?: string }): void {
  if (format === 'process') io.stdout(processJson(c) + '\n');
  else if (format === 'env') io.stdout(envLines(c, flags.shell ?? 'sh'));
  else if (format === 'ini') io.stdout(iniBlock(c, flags.section ?? flags.profile ?? 'default'));
  else io.stdout(JSON.stringify(jsonDocument(c, cached), null, 2) + '\n');
}
