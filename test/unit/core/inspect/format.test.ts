import { describe, expect, it } from 'vitest';
import {
  decodeToken, explainClaims, formatInspectReport, inspectExitCode, inspectReportJson, warningsFor,
} from '../../../../main/core/inspect/index.js';
import type { Verification } from '../../../../main/core/inspect/index.js';
import { claimChecks } from '../../../../main/core/inspect/claim-checks.js';
import { b64, jwt, NOW, NOW_S, RS_HEADER } from './tokens.js';

const report = (token: string, verification?: Verification) => {
  const decoded = decodeToken(token);
  const claims = decoded.payload ? explainClaims(decoded.payload, { now: NOW, timeZone: 'UTC' }) : [];
  return { decoded, claims, warnings: warningsFor(decoded, { now: NOW }), ...(verification ? { verification } : {}) };
};

const invalid: Verification = {
  status: 'invalid', clockToleranceSeconds: 60, keySource: 'http://127.0.0.1:1/jwks.json',
  checks: [{ name: 'exp', ok: false, detail: 'expired 3 h ago (at 2023-04-29T15:00:00Z)' }],
  error: { code: 'TOKEN_EXPIRED', message: 'expired 3 h ago (at 2023-04-29T15:00:00Z)', hint: 'Get a new token (sign in again or refresh).' },
};

describe('formatInspectReport', () => {
  it('prints header, claims with explanations and times, warnings and the verification result', () => {
    const r = report(`Bearer ${jwt(RS_HEADER, { sub: 'u1', exp: NOW_S - 3 * 3600, token_use: 'id', aud: 'c1' })}`, invalid);
    expect(formatInspectReport(r, { color: false }).split('\n')).toEqual([
      `Token: JWT (JWS), ${r.decoded.raw.length} characters, with a signature`,
      '  note: removed a "Bearer " prefix',
      '',
      'Header',
      '  kid      vyVQH7UMjwYboVvyFf+zd4KHZfgc+RtmU/A2vHhgITI=',
      '  alg      RS256',
      '',
      'Claims',
      '  sub       u1',
      '            Subject: the stable, unique id of the user (a UUID in Cognito); use it, not the username, as the key',
      `  exp       ${NOW_S - 10800}`,
      '            Expiration time: reject the token after this moment',
      '            2023-04-29T15:00:00Z | 2023-04-29 15:00:00 UTC | expired 3 h ago',
      '  token_use id',
      '            Cognito token type: "id" = ID token, for your app to learn who signed in',
      '  aud       c1',
      '            Audience: the app client id the token was issued to; your app must check it equals its own',
      '',
      'Warnings',
      '  ! EXPIRED: expired 3 h ago (at 2023-04-29T15:00:00Z)',
      '',
      'Verification: INVALID (keys: http://127.0.0.1:1/jwks.json)',
      '  ✗ exp       expired 3 h ago (at 2023-04-29T15:00:00Z)',
      '  clock tolerance 60 s',
      '  error[TOKEN_EXPIRED]: expired 3 h ago (at 2023-04-29T15:00:00Z)',
      '  hint: Get a new token (sign in again or refresh).',
      '',
    ]);
  });

  it('says plainly when nothing was verified', () => {
    const text = formatInspectReport(report(jwt(RS_HEADER, { sub: 'u1', exp: NOW_S + 60 })), { color: false });
    expect(text.trimEnd().split('\n').at(-1)).toBe('Verification: not attempted (decoding is not verification: anyone can write these claims)');
  });

  it('escapes terminal control sequences smuggled in claims', () => {
    const text = formatInspectReport(report(jwt(RS_HEADER, { 'evil\u001b[2J': 'x\u001b]0;pwned\u0007\u202e' })), { color: false });
    expect(text.includes('\u001b') || text.includes('\u0007') || text.includes('\u202e')).toBe(false);
    expect(text).toContain('evil\\u001b[2J');
  });

  it('a token without exp is a warning (!), not a pass (✓)', () => {
    const checks = claimChecks({ sub: 'a' }, { nowMs: NOW, toleranceSec: 60 }).map((c) => c.check);
    const text = formatInspectReport(report(jwt(RS_HEADER, { sub: 'a' }), { status: 'valid', clockToleranceSeconds: 60, checks }), { color: false });
    expect(text).toContain('  ! exp       no exp claim: the token never expires');
    expect(text).not.toMatch(/✓ exp/);
  });

  it('shows the text of a part that is not JSON, and colours only when asked', () => {
    const r = report(`${b64('{"alg":RS256}')}.${b64({ sub: 'a' })}.c2ln`);
    expect(formatInspectReport(r, { color: false })).toContain('  (not JSON) {"alg":RS256}');
    expect(formatInspectReport(r, { color: true })).toContain('\u001b[31m✗\u001b[39m header: header is not JSON');
  });
});

describe('inspectExitCode', () => {
  const valid: Verification = { status: 'valid', clockToleranceSeconds: 60, checks: [] };
  const unverified: Verification = { status: 'unverified', clockToleranceSeconds: 60, checks: [] };
  const unpinned: Verification = { status: 'unpinned', clockToleranceSeconds: 60, checks: [] };
  it.each([
    { name: 'valid', token: jwt(RS_HEADER, { sub: 'a' }), v: valid, want: 0 },
    // a script must not read "signed by whoever the token names" or "no keys" as success
    { name: 'signed by keys of the issuer it names (unpinned)', token: jwt(RS_HEADER, { sub: 'a' }), v: unpinned, want: 1 },
    { name: 'well-formed, unverified', token: jwt(RS_HEADER, { sub: 'a' }), v: unverified, want: 1 },
    { name: 'well-formed, decoded only (--offline)', token: jwt(RS_HEADER, { sub: 'a' }), v: undefined, want: 0 },
    { name: 'invalid', token: jwt(RS_HEADER, { sub: 'a' }), v: invalid, want: 1 },
    // the key source the person gave (--issuer http://…) is refused: bad input
    { name: 'unverified: INSECURE_ISSUER', token: jwt(RS_HEADER, { sub: 'a' }), v: { ...unverified, error: { code: 'INSECURE_ISSUER', message: 'm', hint: 'h' } } as Verification, want: 2 },
    { name: 'unverified: INSECURE_PROVIDER_ENDPOINT', token: jwt(RS_HEADER, { sub: 'a' }), v: { ...unverified, error: { code: 'INSECURE_PROVIDER_ENDPOINT', message: 'm', hint: 'h' } } as Verification, want: 1 },
    { name: 'a JWT whose payload does not decode', token: `${b64(RS_HEADER)}.!!!.c2ln`, v: undefined, want: 1 },
    { name: 'a JWT in standard base64 (decodes, but is malformed)', token: `${b64(RS_HEADER)}.${b64({ a: '??>' })}==.c2ln`, v: undefined, want: 1 },
    { name: 'empty', token: '', v: undefined, want: 2 },
    { name: 'opaque', token: 'opaque-refresh-token-0123456789', v: undefined, want: 2 },
    { name: 'JWE', token: `${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a.b.c.d`, v: undefined, want: 2 },
    { name: 'two parts', token: `${b64(RS_HEADER)}.${b64({ sub: 'a' })}`, v: undefined, want: 2 },
  ])('$name → $want', ({ token, v, want }) => {
    expect(inspectExitCode(decodeToken(token), v)).toBe(want);
  });
});

describe('inspectReportJson', () => {
  it('is a stable document that leaves the raw token out', () => {
    const token = jwt(RS_HEADER, { sub: 'a' });
    const r = report(token);
    expect(inspectReportJson(r)).toEqual({
      kind: 'jwt', length: token.length, signaturePresent: true, notes: [], problems: [],
      header: RS_HEADER, payload: { sub: 'a' },
      claims: [{ name: 'sub', value: 'a', explanation: 'Subject: the stable, unique id of the user (a UUID in Cognito); use it, not the username, as the key' }],
      warnings: [{ code: 'NO_EXP', message: 'no "exp": the token never expires' }],
      verification: null, exitCode: 0,
    });
    expect(JSON.stringify(inspectReportJson(r))).not.toContain(token);
  });
});

describe('formatInspectReport: checks that did not run', () => {
  it('marks "not compared" iss / aud with a neutral "-", never a tick, in plain and in colour', () => {
    const payload = { sub: 'u1', iss: 'https://issuer.example', aud: 'c1', token_use: 'id', exp: NOW_S + 600, iat: NOW_S - 60 };
    const checks = claimChecks(payload, { nowMs: NOW, toleranceSec: 60 }).map((r) => r.check);
    const v: Verification = { status: 'unverified', clockToleranceSeconds: 60, checks };
    const lines = formatInspectReport(report(jwt(RS_HEADER, payload), v), { color: false }).split('\n');
    expect(lines.filter((l) => /^ {2}\S (iss|aud) /.test(l))).toEqual([
      '  - iss       not compared: no expected issuer (pass --issuer to pin it)',
      '  - aud       not compared: no expected audience (pass --client-id / --audience)',
    ]);
    expect(lines.find((l) => l.startsWith('  ✓ exp'))).toBeDefined();
    const colour = formatInspectReport(report(jwt(RS_HEADER, payload), v), { color: true });
    expect(colour).toContain('\u001b[2m-\u001b[22m aud       not compared');
    expect(colour).not.toContain('✓\u001b[39m aud');
  });
});
