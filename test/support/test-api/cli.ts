import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Emulator } from '../../../emulator/index.js';
import { createSystemSecretStore } from '../../../main/core/secrets/system-store.js';
import { createSessionVault } from '../../../main/core/secrets/session-vault.js';
import { vaultPersistence } from '../../../main/core/session/vault-persistence.js';
import { tokensFor } from '../../integration/emulator/support.js';

/** The built CLI (npm run build:node), run as a user would. */
export const CLI = resolve(import.meta.dirname, '../../../bin/cognito-inspector.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

export const tempHome = () => mkdtemp(join(tmpdir(), 'ci-aws-'));

/**
 * Saves a profile for the emulator and signs alice in by writing her tokens (hosted UI over HTTP,
 * code + PKCE) into the real keychain, as `login` would. Needs the with-keyring.sh session.
 */
export async function signedInProfile(e: Emulator, home: string, name: string, pool: string): Promise<void> {
  const add = await runCli(['profiles', 'add', name, '--issuer', e.issuer, '--client-id', 'localdemoclient0000000000', '--identity-pool-id', pool, '--identity-endpoint', e.url], { COGNITO_INSPECTOR_HOME: home });
  if (add.code !== 0) throw new Error(`profiles add failed: ${add.stderr}`);
  const t = await tokensFor(e);
  const now = Date.now();
  const vault = createSessionVault(createSystemSecretStore());
  await vaultPersistence(vault, () => true).save(name, { idToken: t.id_token, accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: now + 3600_000, issuedAt: now, signedInAt: now });
}
