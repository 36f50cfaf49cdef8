import { describe, expect, it } from 'vitest';
import { electronMock } from '../../../support/electron-mock.js';
import { registerHandler } from '../../../../main/app/ipc.js';
import { isTrustedSender } from '../../../../main/app/security.js';
import { AppError } from '../../../../main/core/errors/app-error.js';

// The app's real sender check, as main.ts wires it, over stand-in WebContents/WebFrameMain objects.
const trustedFrame = 'app://app/index.html';
const me = { id: 1 };
const isTrusted = isTrustedSender(() => me as never);
const call = (channel: string, sender: unknown, url: string, payload: unknown, parent: unknown = null) =>
  electronMock.handlers.get(channel)!({ sender, senderFrame: { url, parent } }, payload);

describe('IPC handlers', () => {
  it('answer a trusted sender with a parsed payload', async () => {
    registerHandler('session:get', isTrusted as never, async (req) => ({ profile: req.profile, state: 'signed-out' as const, persisted: true }));
    expect(await call('session:get', me, trustedFrame, { profile: 'local-demo' })).toEqual({
      ok: true,
      value: { profile: 'local-demo', state: 'signed-out', persisted: true },
    });
  });

  it.each([
    ['another window', { id: 2 }, trustedFrame, null],
    ['a navigated page', me, 'https://evil.example/', null],
    ['a same-window subframe', me, trustedFrame, { url: trustedFrame, parent: null }],
  ])('refuse %s without running the handler', async (_label, sender, url, parent) => {
    let ran = false;
    registerHandler('auth:cancel', isTrusted as never, async () => {
      ran = true;
      return { cancelled: true };
    });
    expect(await call('auth:cancel', sender, url, { profile: 'p' }, parent)).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    expect(ran).toBe(false);
  });

  it.each([
    ['a missing field', {}],
    ['an extra field', { profile: 'p', evil: true }],
    ['a bad profile name', { profile: '../../etc' }],
    ['a non-object', 'profile'],
  ])('refuse %s with INVALID_INPUT', async (_label, payload) => {
    registerHandler('auth:sign-in', isTrusted as never, async () => {
      throw new Error('must not run');
    });
    expect(await call('auth:sign-in', me, trustedFrame, payload)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('turn a thrown AppError into an error result, and anything else into INTERNAL without its message', async () => {
    registerHandler('profiles:list', isTrusted as never, async () => {
      throw new AppError('PROFILE_NOT_FOUND', 'no profile', 'add one');
    });
    expect(await call('profiles:list', me, trustedFrame, {})).toEqual({ ok: false, error: { code: 'PROFILE_NOT_FOUND', message: 'no profile', hint: 'add one' } });
    registerHandler('profiles:list', isTrusted as never, async () => {
      throw new Error('secret internals');
    });
    const res = (await call('profiles:list', me, trustedFrame, {})) as { error: { code: string; message: string } };
    expect(res.error.code).toBe('INTERNAL');
    expect(res.error.message).not.toContain('secret');
  });
});
