import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmbeddedPool } from '../../../../emulator/embedded.js';
import { awsHandlers } from '../../../../main/core/desktop/aws-handlers.js';
import { createDesktopCore, type DesktopCore } from '../../../../main/core/desktop/desktop-core.js';
import type { InvokeResponses, ProfileSummary } from '../../../../main/core/ipc/contract.js';
import { systemClock } from '../../../../main/core/ports.js';
import { launchChromium } from '../../../support/browser.js';
import { chromiumOpener } from '../../../support/chromium-opener.js';
import { ensureBuilt } from '../../../support/ensure-built.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../../..');
const FIXTURES = join(ROOT, 'test/fixtures/amplify');
const ISSUER = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123';

/**
 * What the window asks of the desktop core beyond signing in: profile management with the CLI's
 * schema, changes made by the CLI in another process, Amplify import, the AWS panel's actions, and
 * the shell ports (clipboard, picker, focus) recorded as the Electron shell would be called.
 */
describe('desktop core: the window’s handlers', () => {
  let chromium: Browser;
  let core: DesktopCore;
  let home: string;
  const shell = { clipboard: [] as string[], picked: undefined as string | undefined, focused: 0 };
  const profileEvents: ProfileSummary[][] = [];
  const h = <C extends keyof InvokeResponses>(c: C, req: unknown) => (core.handlers[c] as unknown as (r: unknown) => Promise<InvokeResponses[C]>)(req);

  beforeAll(async () => {
    ensureBuilt();
    chromium = await launchChromium();
    home = await mkdtemp(join(tmpdir(), 'ci-window-'));
    core = await createDesktopCore({
      home,
      browser: chromiumOpener(chromium),
      clock: systemClock,
      log: () => undefined,
      startLocalPool: () => startEmbeddedPool({ port: 0 }),
      shell: {
        writeClipboard: (t) => void shell.clipboard.push(t),
        pickFile: async () => shell.picked,
        focusWindow: () => void shell.focused++,
      },
    });
    core.onProfilesChanged((list) => profileEvents.push(list));
  }, 180_000); // ensureBuilt may rebuild dist/ for the CLI

  afterAll(async () => {
    await core?.dispose();
    await chromium?.close();
  });

  it('validates a profile field by field with the CLI schema, then saves it', async () => {
    const bad = await h('profiles:save', { profile: { name: 'dev', issuer: 'ftp://x', clientId: '', identityPool: { id: 'nope' } }, dryRun: true });
    expect(bad.saved).toBe(false);
    expect(bad.issues.map((i) => i.field).sort()).toEqual(['clientId', 'identityPool.id', 'issuer']);
    expect(bad.issues.find((i) => i.field === 'issuer')?.message).toMatch(/http\(s\) URL|issuer URL/);

    const good = { name: 'dev', issuer: ISSUER, clientId: 'abc', identityProviders: ['Google'] };
    expect(await h('profiles:save', { profile: good, dryRun: true })).toEqual({ saved: false, issues: [] });
    expect(await h('profiles:list', {})).not.toContainEqual(expect.objectContaining({ name: 'dev' }));
    expect(await h('profiles:save', { profile: good })).toMatchObject({ saved: true, issues: [] });
    expect(await h('profiles:list', {})).toContainEqual(expect.objectContaining({ name: 'dev', identityProviders: ['Google'], hasIdentityPool: false }));
    // a second profile of the same name is refused on the name field, not overwritten
    expect(await h('profiles:save', { profile: { ...good, clientId: 'other' } })).toEqual({ saved: false, issues: [{ field: 'name', message: expect.stringMatching(/exists/) }] });
    await vi.waitFor(() => expect(profileEvents.at(-1)?.map((p) => p.name)).toContain('dev'));
  });

  it('shows a change the CLI makes in another process without a restart', async () => {
    await run(process.execPath, [join(ROOT, 'bin/cognito-inspector.js'), 'profiles', 'add', 'from-cli', '--issuer', ISSUER, '--client-id', 'cli123'], {
      env: { ...process.env, COGNITO_INSPECTOR_HOME: home },
    });
    await vi.waitFor(() => expect(profileEvents.at(-1)).toContainEqual(expect.objectContaining({ name: 'from-cli', clientId: 'cli123' })), { timeout: 5000 });
  });

  it('duplicates, and removes a profile with its keychain entry', async () => {
    expect(await h('profiles:duplicate', { profile: 'dev', as: 'dev-copy' })).toMatchObject({ name: 'dev-copy', clientId: 'abc' });
    await expect(h('profiles:duplicate', { profile: 'dev', as: 'dev-copy' })).rejects.toMatchObject({ code: 'PROFILE_EXISTS' });
    await core.secrets.vault.write('dev-copy', { accessToken: 'a', refreshToken: 'r', expiresAt: Date.now() + 60_000, issuedAt: Date.now(), signedInAt: Date.now() } as never);
    expect(await core.secrets.vault.read('dev-copy')).not.toBeNull();
    expect(await h('profiles:remove', { profile: 'dev-copy' })).toEqual({ removed: true });
    expect(await core.secrets.vault.read('dev-copy')).toBeNull();
    expect((await h('profiles:list', {})).map((p) => p.name)).not.toContain('dev-copy');
  });

  it('imports an Amplify config through the native picker or from content the page read; the core parses it', async () => {
    shell.picked = join(FIXTURES, 'amplify_outputs.json');
    const picked = await h('profiles:import-amplify', { name: 'amp' });
    expect(picked).toMatchObject({ cancelled: false, format: 'amplify-gen2', draft: { name: 'amp', clientId: expect.any(String), issuer: expect.stringMatching(/^https:\/\/cognito-idp\./) } });
    shell.picked = undefined;
    expect(await h('profiles:import-amplify', { name: 'amp' })).toEqual({ cancelled: true, notes: [] });
    const text = await (await import('node:fs/promises')).readFile(join(FIXTURES, 'aws-exports.js'), 'utf8');
    expect(await h('profiles:import-amplify', { name: 'amp', file: { name: 'aws-exports.js', text } })).toMatchObject({ cancelled: false, format: 'amplify-gen1' });
    await expect(h('profiles:import-amplify', { name: 'amp', file: { name: 'x.json', text: '{}' } })).rejects.toMatchObject({ code: expect.stringMatching(/INVALID_INPUT|INVALID_CONFIG/) });
  });

  it('signs in, brings the window to the front, refreshes on demand, and reports the refresh', async () => {
    const before = shell.focused;
    const view = await h('auth:sign-in', { profile: 'local-demo' });
    expect(view.state).toBe('signed-in');
    expect(shell.focused).toBe(before + 1);
    const refreshed = await h('auth:refresh', { profile: 'local-demo' });
    expect(refreshed).toMatchObject({ state: 'signed-in', hasRefreshToken: true, lastRefresh: { result: 'refreshed' }, rotationSeen: false });
    expect(refreshed.accessToken).not.toBe(view.accessToken);
  });

  it('gets credentials for a role chosen from cognito:roles, and as a guest, saying why', async () => {
    const chosen = await h('credentials:get', { profile: 'local-demo', roleArn: 'arn:aws:iam::123456789012:role/LocalDemoDeveloper' });
    expect(chosen).toMatchObject({ flow: 'enhanced', roleArn: 'arn:aws:iam::123456789012:role/LocalDemoDeveloper', roleReason: expect.stringMatching(/chosen by you/) });
    const preferred = await h('credentials:get', { profile: 'local-demo', fresh: true });
    expect(preferred).toMatchObject({ roleArn: 'arn:aws:iam::123456789012:role/LocalDemoAdmin', roleReason: expect.stringMatching(/preferred_role/) });
    expect(await h('credentials:whoami', { profile: 'local-demo' })).toMatchObject({ account: '123456789012', arn: expect.stringContaining('LocalDemoAdmin') });
    const guest = await h('credentials:get', { profile: 'local-demo', guest: true });
    expect(guest).toMatchObject({ flow: 'guest', roleReason: expect.stringMatching(/guests/) });
  });

  it('copies credentials through the main-process clipboard: the secret never comes back to the window', async () => {
    await h('credentials:get', { profile: 'local-demo', fresh: true });
    const secret = (await core.secrets.vault.read('local-demo'))!.awsCredentials!.secretAccessKey;
    for (const format of ['env', 'ini', 'process'] as const) {
      const res = await h('credentials:copy', { profile: 'local-demo', format });
      expect(res).toEqual({ copied: true, what: expect.any(String) });
      expect(JSON.stringify(res)).not.toContain(secret);
      expect(shell.clipboard.at(-1)).toContain(secret);
    }
    expect(shell.clipboard.at(-3)).toMatch(/^export AWS_ACCESS_KEY_ID=/);
    // a shell without a main-process clipboard (the browser) gets the text for that one click
    const browserShell = awsHandlers({ clock: systemClock, vault: core.secrets.vault, shell: undefined, profile: async () => ({}) as never, keeper: { get: async () => ({}) as never } });
    expect(await browserShell['credentials:copy']({ profile: 'local-demo', format: 'process' })).toEqual({ copied: false, what: 'credential_process JSON', text: expect.stringContaining(secret) });
  });

  it('writes text the window shows to the clipboard, and knows whether the keychain is in use', async () => {
    expect(await h('app:copy-text', { text: 'Authorization: Bearer eyJ' })).toEqual({ copied: true });
    expect(shell.clipboard.at(-1)).toBe('Authorization: Bearer eyJ');
    expect(await h('app:keychain', {})).toEqual({ available: true });
    await writeFile(join(home, 'unrelated.txt'), 'x'); // other files in the home do not count as profile changes
  });
});
