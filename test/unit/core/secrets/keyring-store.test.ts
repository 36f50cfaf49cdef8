import { describe, expect, it } from 'vitest';
import { translateKeyringError } from '../../../../main/core/secrets/keyring-store.js';

/** Messages @napi-rs/keyring 2 gave on Linux in each situation (see keyring-store.ts). */
const napiError = (message: string, cause?: string): Error =>
  Object.assign(new Error(message, cause === undefined ? undefined : { cause: new Error(cause) }), { code: 'GenericFailure' });

describe('translateKeyringError (Linux)', () => {
  it.each([
    ['no session bus', napiError('Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead'), 'KEYCHAIN_UNAVAILABLE'],
    ['bus socket missing', napiError('Platform failure: DBus error: Failed to connect to socket /nonexistent/bus: No such file or directory'), 'KEYCHAIN_UNAVAILABLE'],
    ['no default collection', napiError("Couldn't access platform storage: Secret Service: no result found", 'Secret Service: no result found'), 'KEYCHAIN_UNAVAILABLE'],
    ['keyutils refused', napiError("Couldn't access platform storage: AccessDenied", 'AccessDenied'), 'KEYCHAIN_UNAVAILABLE'],
    ['locked, prompt dismissed', napiError("Couldn't access platform storage: Secret Service: unlock prompt was dismissed"), 'KEYCHAIN_LOCKED'],
    ['locked object', napiError("Couldn't access platform storage: Secret Service: object locked"), 'KEYCHAIN_LOCKED'],
    ['locked (zbus search)', napiError('zbus error: org.freedesktop.Secret.Error.IsLocked: Cannot get secret of a locked object'), 'KEYCHAIN_LOCKED'],
    ['anything else', napiError("Attribute 'password encoded as UTF-16' is longer than platform limit of 2560 chars"), 'KEYCHAIN_ERROR'],
  ])('%s → %s', (_name, err, code) => {
    expect(translateKeyringError(err, 'saved', 'linux').code).toBe(code);
  });

  it('says what to do on Linux, and keeps the library reason for --debug', () => {
    const unavailable = translateKeyringError(napiError('Platform failure: DBus error: Failed to connect to socket /x: No such file or directory'), 'saved', 'linux');
    expect(unavailable.toInfo()).toEqual({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: 'No keychain is available, so the session could not be saved.',
      hint: 'Start a Secret Service (gnome-keyring or KeePassXC) in your session, or run inside dbus-run-session; sessions will last until the process exits.',
      details: { reason: 'Platform failure: DBus error: Failed to connect to socket /x: No such file or directory' },
    });
    const locked = translateKeyringError(napiError("Couldn't access platform storage: Secret Service: unlock prompt was dismissed"), 'read', 'linux');
    expect({ code: locked.code, message: locked.message, hint: locked.hint }).toEqual({
      code: 'KEYCHAIN_LOCKED',
      message: 'The keychain is locked, so the session could not be read.',
      hint: 'Unlock your login keyring (e.g. in Seahorse / "Passwords and Keys"), then try again.',
    });
  });
});
