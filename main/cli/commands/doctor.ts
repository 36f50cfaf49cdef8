import { isAppError } from '../../core/errors/app-error.js';
import { sdkAdminApi } from '../../core/aws/admin-api.js';
import { runDoctor } from '../../core/doctor/run-doctor.js';
import type { DoctorSession, Finding } from '../../core/doctor/types.js';
import { systemClock } from '../../core/ports.js';
import type { Profile } from '../../core/profiles/schema.js';
import { cliContext } from '../context.js';
import { fetchFor, printJson, wrapHanging, type Io } from '../output.js';
import type { ProfileFlags } from '../profile-options.js';
import type { Action } from '../program.js';
import { resolveProfile } from '../resolve-profile.js';
import { STATUS_MARK, tally } from '../../core/doctor/summary.js';
import { cliSession } from '../session-access.js';

/**
 * `doctor`: checks a profile against the pool it points at, by probing its public endpoints the way
 * a sign-in would (never completing one, never creating anything), and, when signed in, its session
 * and identity pool; with --admin it also reads the settings themselves with AWS credentials. Exit 0 when nothing failed, 1 when something did, 2 for bad usage.
 */
const action: Action = async (io, opts) => {
  const flags = opts as ProfileFlags & { json?: boolean; admin?: boolean };
  const profile = await resolveProfile(cliContext(io).profiles, flags);
  const { session, clientSecret } = await currentSession(io, profile, flags.clientSecretEnv);
  const fetchImpl = fetchFor(io, profile.name);
  const report = await runDoctor(
    { profile, ...(clientSecret ? { clientSecret } : {}), ...(session ? { session } : {}), ...(flags.admin ? { admin: true } : {}) },
    { fetch: fetchImpl, clock: systemClock, ...(flags.admin ? { adminApi: sdkAdminApi(fetchImpl) } : {}) },
  );
  const failed = report.checks.some((c) => c.status === 'fail');
  if (flags.json) printJson(io, report);
  else print(io, profile, report.checks);
  return failed ? 1 : 0;
};
export default action;

/** The session and secret doctor can use; their absence is a finding, not an error. */
async function currentSession(io: Io, profile: Profile, clientSecretEnv?: string): Promise<{ session?: DoctorSession; clientSecret?: string }> {
  const fromEnv = clientSecretEnv ? io.env[clientSecretEnv] : undefined;
  let opened: Awaited<ReturnType<typeof cliSession>>;
  try {
    opened = await cliSession(io, profile, clientSecretEnv ? { clientSecretEnv } : {});
  } catch (err) {
    // A profile that expects a secret the keychain lacks: the client-secret check reports it.
    if (isAppError(err) && err.code === 'INVALID_CLIENT') return fromEnv ? { clientSecret: fromEnv } : {};
    throw err;
  }
  const clientSecret = fromEnv ?? (await opened.secrets.vault.read(profile.name))?.clientSecret;
  const withSecret = clientSecret ? { clientSecret } : {};
  try {
    const tokens = await opened.manager.tokens(profile.name, 0);
    const session: DoctorSession = {
      ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
      accessToken: tokens.accessToken,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
      refresh: () => opened.manager.refresh(profile.name, 0),
    };
    return { session, ...withSecret };
  } catch (err) {
    if (isAppError(err) && ['NOT_SIGNED_IN', 'SESSION_EXPIRED', 'INVALID_GRANT'].includes(err.code)) return withSecret;
    throw err;
  }
}

/** One line per finding, its fix under it; on a terminal, long lines wrap with a hanging indent. */
function print(io: Io, profile: Profile, checks: Finding[]): void {
  const width = Math.max(...checks.map((c) => c.id.length));
  const columns = io.stdoutColumns?.();
  const fit = (first: string, text: string, indent: number) => (columns ? wrapHanging(first, text, indent, columns) : [first + text]);
  const lines = fit('doctor: ', `profile "${profile.name}" (${profile.issuer}, client ${profile.clientId})`, 2);
  const column = 2 + 4 + 2 + width + 2; // where the subject starts
  for (const c of checks) {
    const head = `  ${STATUS_MARK[c.status]}  ${c.id.padEnd(width)}  `;
    lines.push(...fit(head, `${c.subject}: ${c.message}`, column));
    if (c.fix && c.status !== 'pass') lines.push(...fit(`${' '.repeat(column)}fix: `, c.fix, column + 'fix: '.length));
  }
  const n = tally(checks);
  lines.push(`${n.fail} failed, ${n.warn} warnings, ${n.pass} passed, ${n.skip} skipped`);
  io.stdout(lines.join('\n') + '\n');
}
