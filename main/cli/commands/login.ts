import type { Action } from '../program.js';
import type { Io } from '../output.js';
import { cliContext } from '../context.js';
import { resolveProfile } from '../resolve-profile.js';
import type { ProfileFlags } from '../profile-options.js';
import { cliSession } from '../session-access.js';
import { browserFor } from '../browser-for.js';
import { parseSeconds } from '../parse-number.js';
import { printJson, printWarning } from '../output.js';
import { startSpinner, type Spinner } from '../spinner.js';
import { announceStart, browserFailedText } from '../login-prompts.js';
import { sessionStatus } from '../../core/session/session-status.js';
import { printStatus } from '../print-status.js';
import { writeCurrentProfile } from '../../core/profiles/current-profile.js';
import { AppError } from '../../core/errors/app-error.js';
import { parseParams } from '../../core/auth/authorize-url.js';

const action: Action = async (io, opts) => {
  const flags = opts as ProfileFlags & { param?: string[] };
  const extraParams = parseParams(flags.param, { allowProtocol: false });
  const ctx = cliContext(io);
  const profile = await resolveProfile(ctx.profiles, flags);
  const timeoutMs = parseSeconds(opts.timeout ?? 300, '--timeout') * 1000;
  // The session manager takes the per-profile sign-in lock (the window's sign-in takes the same one)
  // before any listener or browser: a second login for this profile would silently replace the first.
  await signIn(io, opts, flags, extraParams, ctx, profile, timeoutMs);
};
export default action;

type Profile = Awaited<ReturnType<typeof resolveProfile>>;

async function signIn(io: Io, opts: Record<string, unknown>, flags: ProfileFlags, extraParams: Record<string, string>, ctx: ReturnType<typeof cliContext>, profile: Profile, timeoutMs: number): Promise<void> {
  const openBrowser = opts.browser !== false;
  const browser = openBrowser ? await browserFor(io, opts.browserCommand) : { open: async () => undefined };
  const { manager, secrets } = await cliSession(io, profile, { browser, quiet: true, ...(flags.clientSecretEnv ? { clientSecretEnv: flags.clientSecretEnv } : {}) });
  // Before the browser opens: a session that cannot be kept would end with this command.
  if (!(await secrets.retryKeychain())) {
    const p = secrets.problem!;
    const why = p.code === 'KEYCHAIN_LOCKED' ? 'the keychain is locked' : 'no keychain is available';
    if (!opts.allowMemoryOnly) {
      throw new AppError(p.code, `not signing in: ${why}, so the session could not be kept and would end with this command`, `${p.hint.replace(/[;,.]?\s*sessions will last until the process exits\.?$/i, '.')} Or pass --allow-memory-only to sign in for this command only.`, {
        ...(p.details ? { details: p.details } : {}),
      });
    }
    printWarning(io, p.code, `${why}: signing in for this command only (--allow-memory-only); the session will not be kept.`, p.hint);
  }

  // Ctrl-C cancels cleanly: the listener frees its port and nothing is stored.
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  let spinner: Spinner | undefined;
  let startUrl = '';
  try {
    await manager.signIn(profile.name, {
      signal: abort.signal,
      timeoutMs,
      openBrowser,
      ...(Object.keys(extraParams).length ? { extraParams } : {}),
      onListening: (info) => {
        startUrl = info.startUrl;
        announceStart(io, info, openBrowser);
        spinner = startSpinner(io, Date.now() + timeoutMs);
      },
      // A browser that cannot start is not the end: the URL works from any browser on this machine.
      onBrowserError: (err) => (spinner ? spinner.note(browserFailedText(err, startUrl)) : io.stderr(browserFailedText(err, startUrl))),
    });
  } finally {
    spinner?.stop();
    process.removeListener('SIGINT', onSigint);
  }
  if (profile.adHoc) await ctx.profiles.add(profile, { replace: true });
  await writeCurrentProfile(ctx.home, profile.name); // plain `status`, `token`, `logout` now mean this one
  const status = sessionStatus(profile, await manager.tokens(profile.name, 0), Date.now(), secrets.persisted);
  if (opts.json) return printJson(io, status);
  io.stdout(`signed in with profile "${profile.name}"\n`);
  printStatus(io, status);
}
