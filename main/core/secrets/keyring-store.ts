import { createRequire } from 'node:module';
import type * as Keyring from '@napi-rs/keyring';
import { AppError } from '../errors/app-error.js';
import type { SecretStore } from '../ports.js';

/**
 * The OS keychain as a SecretStore: the only file that imports @napi-rs/keyring (keyring-rs over
 * the Secret Service, the macOS Keychain and the Windows Credential Manager).
 *
 * What @napi-rs/keyring 2.x does on Linux, observed here (Debian, gnome-keyring 46):
 * - By default an Entry falls back from the Secret Service to the kernel keyutils store when there
 *   is no D-Bus session. keyutils keys vanish at logout/reboot, and in containers the syscall is
 *   often refused (every call then fails with "Couldn't access platform storage: AccessDenied").
 *   We pin entries to the Secret Service (`linux.store`), so a missing one is reported as
 *   KEYCHAIN_UNAVAILABLE and the session lives in memory, said plainly, instead of in a store that
 *   silently forgets it.
 * - No session bus (DBUS_SESSION_BUS_ADDRESS unset, or pointing at no socket): the Entry
 *   constructor throws "Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was
 *   disabled at compile time, ..." or "... Failed to connect to socket /path: No such file or
 *   directory".
 * - A bus but no default collection (gnome-keyring activated without a login keyring): get
 *   returns null, set rejects "Couldn't access platform storage: Secret Service: no result found".
 * - A locked collection: every call asks the Secret Service to unlock it, which shows a password
 *   prompt on a desktop (the call waits for it, hence AsyncEntry: the event loop keeps running).
 *   With no prompter (headless), the call rejects at once with "Couldn't access platform storage:
 *   Secret Service: unlock prompt was dismissed". Exception: when no item matches, get resolves
 *   null and delete false without asking (only set always needs the unlock).
 * Never a plain-text fallback: callers keep the session in memory when this store fails.
 */
export const KEYCHAIN_SERVICE = 'cognito-inspector';

const LINUX_UNAVAILABLE_HINT =
  'Start a Secret Service (gnome-keyring or KeePassXC) in your session, or run inside dbus-run-session; sessions will last until the process exits.';
const LINUX_LOCKED_HINT = 'Unlock your login keyring (e.g. in Seahorse / "Passwords and Keys"), then try again.';

const LOCKED = [/unlock prompt was dismissed/i, /object locked/i, /IsLocked/, /prompt dismissed/i, /interaction is not allowed/i];
const UNAVAILABLE = [
  /DBus error/i,
  /D-Bus/i,
  /Failed to connect/i,
  /autolaunch/i,
  /no result found/i, // Secret Service without a default collection to write into
  /No DBus session or Secret Service provider/i,
  /no secret service provider/i,
  /ServiceUnknown|NameHasNoOwner/,
  /Couldn't access platform storage/i,
  /No default store/i,
];

function hints(platform: NodeJS.Platform): { unavailable: string; locked: string } {
  if (platform === 'darwin') {
    return {
      unavailable: 'The macOS Keychain could not be reached; sessions will last until the process exits.',
      locked: 'Unlock your login keychain in Keychain Access, then try again.',
    };
  }
  if (platform === 'win32') {
    return {
      unavailable: 'The Windows Credential Manager could not be reached; sessions will last until the process exits.',
      locked: 'Sign in to Windows again to unlock the Credential Manager, then try again.',
    };
  }
  return { unavailable: LINUX_UNAVAILABLE_HINT, locked: LINUX_LOCKED_HINT };
}

/** Maps a keyring-rs failure to KEYCHAIN_LOCKED, KEYCHAIN_UNAVAILABLE or KEYCHAIN_ERROR. */
export function translateKeyringError(err: unknown, action: string, platform: NodeJS.Platform = process.platform): AppError {
  const text = describe(err);
  const hint = hints(platform);
  if (LOCKED.some((re) => re.test(text))) {
    return new AppError('KEYCHAIN_LOCKED', `The keychain is locked, so the session could not be ${action}.`, hint.locked, {
      cause: err,
      details: { reason: text },
    });
  }
  if (UNAVAILABLE.some((re) => re.test(text))) {
    return new AppError('KEYCHAIN_UNAVAILABLE', `No keychain is available, so the session could not be ${action}.`, hint.unavailable, {
      cause: err,
      details: { reason: text },
    });
  }
  return new AppError('KEYCHAIN_ERROR', `The keychain failed while the session was being ${action}.`, 'Try again; if it persists, run with --debug and report the reason.', {
    cause: err,
    details: { reason: text },
  });
}

/** The library's message and its causes, e.g. "Platform failure: DBus error: ... <- ...". */
function describe(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    parts.push(current.message);
    current = current.cause;
  }
  return parts.length > 0 ? parts.join(' <- ') : String(err);
}

export interface KeyringStoreOptions {
  /** Defaults to KEYCHAIN_SERVICE; tests use their own. */
  service?: string;
}

export function createKeyringStore(opts: KeyringStoreOptions = {}): SecretStore {
  const service = opts.service ?? KEYCHAIN_SERVICE;
  const { AsyncEntry } = loadKeyring();
  const entry = (account: string): Keyring.AsyncEntry => new AsyncEntry(service, account, { linux: { store: 'secret-service' } });
  const run = async <T>(action: string, op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      throw translateKeyringError(err, action);
    }
  };
  return {
    get: (account) => run('read', () => entry(account).getPassword()),
    set: (account, value) => run('saved', () => entry(account).setPassword(value)),
    delete: (account) => run('removed', () => entry(account).deleteCredential()),
  };
}

/**
 * Loaded with require rather than an ESM import: the binding is CommonJS, and importing it makes
 * Node lex the whole loader for named exports, which costs `credentials --format process` (run
 * before every AWS call) more than the keychain read itself.
 */
let keyring: typeof Keyring | undefined;
function loadKeyring(): typeof Keyring {
  keyring ??= createRequire(import.meta.url)('@napi-rs/keyring') as typeof Keyring;
  return keyring;
}
