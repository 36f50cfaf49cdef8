import { describe, expect, it } from 'vitest';
import { claimChecks } from '../../../../main/core/inspect/claim-checks.js';

const ISS = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_X';
const issCheck = (expected: string) =>
  claimChecks({ iss: ISS }, { nowMs: 0, toleranceSec: 60, expectedIssuer: { value: expected, why: 'the issuer given' } }).find((r) => r.check.name === 'iss')!;

describe('claimChecks: iss', () => {
  it('an --issuer with a trailing slash: ISSUER_MISMATCH whose hint points at the slash', () => {
    expect(issCheck(`${ISS}/`).error).toEqual({
      code: 'ISSUER_MISMATCH', message: `iss is "${ISS}", expected "${ISS}/" (the issuer given)`,
      hint: `Only a trailing slash differs: pass --issuer ${ISS} (iss must match exactly).`,
    });
  });

  it('another issuer: the general hint', () => {
    expect(issCheck('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Y').error?.hint).toBe(
      "The token comes from another issuer or user pool; check --issuer, or the profile's region and pool id.");
  });
});
