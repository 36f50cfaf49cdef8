import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../emulator/routes/signup.js';

describe("signup password policy (Cognito's default)", () => {
  it.each([
    ['Sh0rt!', 'Password not long enough'],
    ['passw0rd!', 'Password must have uppercase characters'],
    ['PASSW0RD!', 'Password must have lowercase characters'],
    ['Password!', 'Password must have numeric characters'],
    ['Passw0rdX', 'Password must have symbol characters'],
    ['Passw0rd!', undefined],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });
});
