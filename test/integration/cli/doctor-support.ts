import { afterAll } from 'vitest';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import type { EmulatorConfigInput } from '../../../emulator/config-schema.js';
import { runCli, signedInProfile, tempHome } from '../../support/test-api/cli.js';

/** What `doctor` and `doctor --admin` tests share: the seeded ids, the JSON report, emulators and a fresh profile per run. */
export const CLIENT = 'localdemoclient0000000000';
export const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';

export interface Check { id: string; status: string; subject: string; message: string; fix: string }
export interface Report { profile: string; checks: Check[] }

export const statuses = (r: Report, id: string) => r.checks.filter((c) => c.id === id).map((c) => `${c.subject}: ${c.status}`);
export const failed = (r: Report) => r.checks.filter((c) => c.status === 'fail');

/** Emulators started by a test file, stopped after it. Call at the top of the file. */
export function emulators(): (config?: EmulatorConfigInput) => Promise<Emulator> {
  const started: Emulator[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.stop())));
  return async (config) => {
    const e = await startEmulator(config ? { config } : {});
    started.push(e);
    return e;
  };
}

let counter = 0;

export interface DoctorRun { code: number; report: Report; stdout: string; stderr: string }

/**
 * `doctor --json` (plus `args`) on a fresh profile for `e` in a fresh home; `signedIn` writes alice's
 * session into the keychain first; `pool: false` leaves the identity pool out of the profile.
 */
export async function runDoctor(e: Emulator, opts: { args?: readonly string[]; signedIn?: boolean; pool?: boolean; env?: Record<string, string> } = {}): Promise<DoctorRun> {
  const home = await tempHome();
  const name = `doctor-${process.pid}-${counter++}`;
  const env = { COGNITO_INSPECTOR_HOME: home, ...opts.env };
  if (opts.signedIn) await signedInProfile(e, home, name, POOL);
  else {
    const add = await runCli(['profiles', 'add', name, '--issuer', e.issuer, '--client-id', CLIENT, ...(opts.pool === false ? [] : ['--identity-pool-id', POOL, '--identity-endpoint', e.url])], env);
    if (add.code !== 0) throw new Error(add.stderr);
  }
  const r = await runCli(['doctor', '--profile', name, '--json', ...(opts.args ?? [])], env);
  return { code: r.code, report: JSON.parse(r.stdout || '{"checks":[]}') as Report, stdout: r.stdout, stderr: r.stderr };
}
