import { describe, expect, it } from 'vitest';
import { bootstrap, type BootstrapDeps } from '../../../../main/core/desktop/bootstrap.js';
import { AppError } from '../../../../main/core/errors/app-error.js';
import type { ProfileSummary, SessionView } from '../../../../main/core/ipc/contract.js';

const summary = (name: string): ProfileSummary => ({ name, issuer: `https://issuer.example/${name}`, clientId: 'c', local: false, identityProviders: [], hasIdentityPool: false });
const capabilities = { mainClipboard: true, nativeFilePicker: false, focusWindow: true };
const keychain = { available: true };

function deps(over: Partial<BootstrapDeps> & { names?: string[]; restored?: boolean } = {}): BootstrapDeps {
  const names = over.names ?? ['alpha', 'beta'];
  return {
    capabilities: async () => capabilities,
    keychain: async () => keychain,
    profiles: async () => names.map(summary),
    sessionIfRestored: (profile) => (over.restored === false ? undefined : ({ profile, state: 'signed-in', persisted: true } satisfies SessionView)),
    ...over,
  };
}

describe('app:bootstrap', () => {
  it.each([
    { asked: 'beta', names: ['alpha', 'beta'], selected: 'beta' },
    { asked: 'gone', names: ['alpha', 'beta'], selected: 'alpha' },
    { asked: undefined, names: ['alpha', 'beta'], selected: 'alpha' },
    { asked: 'beta', names: [], selected: undefined },
  ])('shows $asked when it is a profile, else the first one ($names → $selected)', async ({ asked, names, selected }) => {
    const answer = await bootstrap(asked === undefined ? {} : { profile: asked }, deps({ names }));
    expect(answer).toEqual({
      capabilities,
      keychain,
      profiles: { ok: true, value: names.map(summary) },
      ...(selected ? { selected, session: { profile: selected, state: 'signed-in', persisted: true } } : {}),
    });
  });

  it('leaves the session out while saved sessions are being restored (never a premature "signed out")', async () => {
    const answer = await bootstrap({ profile: 'beta' }, deps({ restored: false }));
    expect(answer.selected).toBe('beta');
    expect(answer).not.toHaveProperty('session');
  });

  it('still answers when profiles.json cannot be read, with the error the window shows', async () => {
    const bad = new AppError('INVALID_CONFIG', 'profiles.json is not valid JSON', 'fix or remove it');
    const answer = await bootstrap({ profile: 'alpha' }, deps({ profiles: () => Promise.reject(bad) }));
    expect(answer).toEqual({ capabilities, keychain, profiles: { ok: false, error: bad.toInfo() } });
  });

  it('reports an unexpected failure as INTERNAL, without the library message', async () => {
    const answer = await bootstrap({}, deps({ profiles: () => Promise.reject(new TypeError('secret-ish internals at /home/x')) }));
    expect(answer.profiles).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'unexpected failure', hint: 'see the app log' } });
  });
});
