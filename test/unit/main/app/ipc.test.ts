import { describe, expect, it } from 'vitest';
import { electronMock } from '../../../support/electron-mock.js';
import { registerHandler } from '../../../../main/app/ipc.js';
import { AppError } from '../../../../main/core/errors/app-error.js';

const trustedFrame = 'file:///app/index.html';
const me = { id: 1 };
const isTrusted = (sender: unknown, url: string | undefined) => sender === me && url === trustedFrame;
const call = (channel: string, sender: unknown, url: string, payload: unknown) =>
  electronMock.handlers.get(channel)!({ sender, senderFrame: { url } }, payload);

describe('IPC handlers', () => {
  it('answer a trusted sender with a parsed payload', async () => {
    registerHandler('session:get', isTrusted as never, async (req) => ({ profile: req.profile, state: 'signed-out' as const, persisted: true }));
    expect(await call('session:get', me, trustedFrame, { profile: 'local-demo' })).toEqual({
      ok: true,
      value: { profile: 'local-demo', state: 'signed-out', persisted: true },
    });
  });

  it.each([
    ['another window', { id: 2 }, trustedFrame],
    ['a subframe or navigated page', me, 'https://evil.example/'],
  ])('refuse %s without running the handler', async (_label, sender, url) => {
    let ran = false;
    registerHandler('auth:cancel', isTrusted as never, async () => {
      ran = true;
      return { cancelled: true };
    });
    expect(await call('auth:cancel', sender, url, { profile: 'p' })).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
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
