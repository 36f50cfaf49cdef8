import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inspectTokenForWindow } from '../../../../main/core/desktop/inspect-token.js';
import { invokeSchemas } from '../../../../main/core/ipc/contract.js';
import { createProfileStore, type ProfileStore } from '../../../../main/core/profiles/store.js';
import { startSelfIssuer, type SelfIssuer } from '../../../support/self-issuer.js';

/**
 * The window's inspector (`inspect:token`) against real issuers on 127.0.0.1: a pasted token is
 * decoded with no request at all; a token that names its own issuer is "unpinned", never "valid";
 * a saved profile's issuer pins.
 */
let attacker: SelfIssuer;
let genuine: SelfIssuer;
let profiles: ProfileStore;
let requested: string[] = [];
const recordingFetch: typeof fetch = (input, init) => {
  requested.push(String(input));
  return fetch(input, init);
};
const inspect = (req: unknown) =>
  inspectTokenForWindow(invokeSchemas['inspect:token'].parse(req), { now: Date.now(), fetch: recordingFetch, profiles });

beforeAll(async () => {
  [attacker, genuine] = await Promise.all([startSelfIssuer(), startSelfIssuer()]);
  profiles = createProfileStore(await mkdtemp(join(tmpdir(), 'ci-inspect-')));
  await profiles.add({ name: 'work', issuer: genuine.issuer, clientId: 'work-client' });
});
afterAll(async () => Promise.all([attacker?.stop(), genuine?.stop()]));
beforeEach(() => {
  requested = [];
});

describe('inspect:token (the window inspector)', () => {
  it('decodes a pasted token locally: no verify, no request to the issuer it names', async () => {
    const report = await inspect({ token: await attacker.mint() });
    expect([report.verification, report.exitCode, report.payload?.['sub']]).toEqual([null, 0, 'admin']);
    expect([requested, attacker.requests]).toEqual([[], []]);
  });

  it('reports a self-issued admin token checked against its own iss as unpinned, not valid', async () => {
    const report = await inspect({ token: await attacker.mint(), verify: { tokenIssuer: true } });
    expect(report.verification).toMatchObject({ status: 'unpinned', error: { code: 'ISSUER_NOT_PINNED' }, keySource: expect.stringContaining(attacker.origin) });
    expect(report.exitCode).toBe(1);
    expect(requested.every((u) => u.startsWith(attacker.origin))).toBe(true);
  });

  it("is valid against a saved profile's issuer, whether asked by profile or found through the token", async () => {
    const token = await genuine.mint({ aud: 'work-client' });
    const byProfile = await inspect({ token, verify: { profile: 'work' } });
    const byIss = await inspect({ token, verify: { tokenIssuer: true } });
    expect([byProfile.verification?.status, byProfile.verification?.pinnedBy, byIss.verification?.status, byIss.verification?.pinnedBy])
      .toEqual(['valid', 'saved profile "work"', 'valid', 'saved profile "work"']);
  });

  it("refuses the forged token when checked against the session's profile", async () => {
    const report = await inspect({ token: await attacker.mint({ aud: 'work-client' }), verify: { profile: 'work' } });
    expect(report.verification).toMatchObject({ status: 'invalid' });
    expect(requested.some((u) => u.startsWith(attacker.origin))).toBe(false);
  });

  it('accepts exactly one key source and rejects anything else in the request', () => {
    const schema = invokeSchemas['inspect:token'];
    expect(schema.safeParse({ token: 'x', verify: { issuer: 'https://a', jwksUrl: 'https://b' } }).success).toBe(false);
    expect(schema.safeParse({ token: 'x', verify: {} }).success).toBe(false);
    expect(schema.safeParse({ token: 'x', verify: { tokenIssuer: false } }).success).toBe(false);
    expect(schema.safeParse({ token: 'x', verify: { jwksUrl: 'https://b/jwks.json' } }).success).toBe(true);
  });
});
