import { describe, expect, it } from 'vitest';
import { refreshDelayMs, refreshDue, retryDelayMs } from '../../../../main/core/session/refresh-schedule.js';

const MIN = 60_000;

describe('refreshDelayMs', () => {
  it.each([
    // [lifetime ms, expected delay from issue with no jitter]
    ['1 hour: at 80%', 60 * MIN, 48 * MIN],
    ['5 minutes: 60 s before expiry', 5 * MIN, 4 * MIN],
    ['2 minutes: 60 s before expiry', 2 * MIN, 1 * MIN],
    ['10 seconds: half-way, never a spin', 10_000, 5_000],
  ])('%s', (_label, lifetime, expected) => {
    expect(refreshDelayMs(0, 0, lifetime, () => 0)).toBe(expected);
  });

  it('jitter only moves the refresh earlier, by at most 5% of the lifetime', () => {
    const lifetime = 60 * MIN;
    expect(refreshDelayMs(0, 0, lifetime, () => 1)).toBe(48 * MIN - 0.05 * lifetime);
  });

  it('is zero once due, and refreshDue agrees', () => {
    expect(refreshDelayMs(50 * MIN, 0, 60 * MIN, () => 0)).toBe(0);
    expect(refreshDue(50 * MIN, 0, 60 * MIN)).toBe(true);
    expect(refreshDue(10 * MIN, 0, 60 * MIN)).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('backs off exponentially and caps at 60 s', () => {
    expect([0, 1, 2, 3, 10].map((a) => retryDelayMs(a, () => 0.5))).toEqual([1000, 2000, 4000, 8000, 60_000]);
  });
});
