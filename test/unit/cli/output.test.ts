import { describe, expect, it } from 'vitest';
import { printWarning, wrapHanging } from '../../../main/cli/output.js';
import { captureIo } from './io.js';

describe('wrapHanging', () => {
  it.each([
    ['fits: one line', 'fix: ', 'add the URL', 9, 40, ['fix: add the URL']],
    ['breaks between words under the indent, never reaching the last column', 'fix: ', 'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk', 5, 30, ['fix: aaaa bbbb cccc dddd eeee', '     ffff gggg hhhh iiii jjjj', '     kkkk']],
    ['a word longer than the room keeps its line whole', '  ', 'see https://example.com/a/very/long/path/that/cannot/break ok', 2, 30, ['  see', '  https://example.com/a/very/long/path/that/cannot/break', '  ok']],
  ])('%s', (_label, first, text, indent, columns, want) => {
    expect(wrapHanging(first, text, indent, columns)).toEqual(want);
  });
});

describe('printWarning', () => {
  const KEYCHAIN = ['KEYCHAIN_UNAVAILABLE', 'No keychain is available, so the session could not be read. The session will not survive this process.', 'Start a Secret Service (gnome-keyring or KeePassXC) in your session, or run inside dbus-run-session.'] as const;

  it('on an 80-column terminal: no line reaches the last column, continuations indented, like an error', () => {
    const io = captureIo();
    io.stderrColumns = () => 80;
    printWarning(io, ...KEYCHAIN);
    const lines = io.err.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^warning\[KEYCHAIN_UNAVAILABLE\]: No keychain/);
    expect(lines.find((l) => l.startsWith('hint: '))).toBeDefined();
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(80);
    expect(lines.slice(1).filter((l) => !l.startsWith('hint: ')).every((l) => l.startsWith('  '))).toBe(true);
  });

  it('piped: one line each, and a server\'s escape sequences never reach the terminal', () => {
    const io = captureIo();
    printWarning(io, 'REVOKE_FAILED', 'revocation failed: \u001b[31mred\u001b[0m', 'try again');
    expect(io.err.split('\n')).toEqual([expect.stringMatching(/^warning\[REVOKE_FAILED\]: revocation failed: .*red/), 'hint: try again', '']);
    expect(io.err).not.toContain('\u001b');
  });
});
