import { describe, expect, it } from 'vitest';
import { claimText, countdown, localTime, relative } from '../../../../renderer/src/lib/format.js';

const T = Date.UTC(2026, 0, 2, 3, 4, 5);

describe('countdown', () => {
  it.each([
    [0, '0:00'],
    [59_400, '0:59'],
    [65_000, '1:05'],
    [3_599_000, '59:59'],
    [3_723_000, '1:02:03'],
    [-12_000, 'expired 0:12 ago'],
    [-3_723_000, 'expired 1:02:03 ago'],
  ])('%d ms ahead → %s', (ahead, text) => {
    expect(countdown(T + ahead, T)).toBe(text);
  });
});

describe('relative', () => {
  it.each([
    [2_000, 'just now'],
    [-4_000, 'just now'],
    [30_000, 'in 30 s'],
    [-30_000, '30 s ago'],
    [5 * 60_000, 'in 5 min'],
    [-3 * 3_600_000, '3 h ago'],
    [30 * 86_400_000, 'in 30 days'],
  ])('%d ms → %s', (ahead, text) => {
    expect(relative(T + ahead, T)).toBe(text);
  });
});

describe('localTime', () => {
  it('shows the moment in the time zone asked for, not UTC', () => {
    expect(localTime(T, 'Asia/Tokyo')).toContain('12:04:05');
    expect(localTime(T, 'UTC')).toContain('3:04:05');
  });
});

describe('claimText', () => {
  it('shows strings as they are and everything else as JSON', () => {
    expect([claimText('alice'), claimText(['a', 'b']), claimText(3), claimText(true)]).toEqual(['alice', '["a","b"]', '3', 'true']);
  });
});
