import { describe, expect, it } from 'vitest';
import { createLaunchGate } from '../../../main/web/launch-gate.js';

describe('launch gate', () => {
  it('draws a secret of at least 128 bits, different every launch', () => {
    const a = createLaunchGate();
    const b = createLaunchGate();
    expect(Buffer.from(a.secret, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(a.secret).not.toBe(b.secret);
  });

  it('exchanges the secret once for a session value unlike the secret; wrong guesses do not spend it', () => {
    const gate = createLaunchGate();
    for (const wrong of [undefined, null, '', gate.secret.slice(1), gate.secret + 'x', gate.secret.toUpperCase()]) expect(gate.exchange(wrong)).toBeUndefined();
    expect(gate.isSession(undefined)).toBe(false);
    const session = gate.exchange(gate.secret)!;
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session).not.toBe(gate.secret);
    expect(gate.exchange(gate.secret)).toBeUndefined();
    expect(gate.isSession(session)).toBe(true);
    expect(gate.isSession(gate.secret)).toBe(false);
    expect(gate.isSession(session.slice(0, -1))).toBe(false);
  });
});
