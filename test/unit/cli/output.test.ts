import { describe, expect, it } from 'vitest';
import { wrapHanging } from '../../../main/cli/output.js';

describe('wrapHanging', () => {
  it.each([
    ['fits: one line', 'fix: ', 'add the URL', 9, 40, ['fix: add the URL']],
    ['breaks between words under the indent, never reaching the last column', 'fix: ', 'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk', 5, 30, ['fix: aaaa bbbb cccc dddd eeee', '     ffff gggg hhhh iiii jjjj', '     kkkk']],
    ['a word longer than the room keeps its line whole', '  ', 'see https://example.com/a/very/long/path/that/cannot/break ok', 2, 30, ['  see', '  https://example.com/a/very/long/path/that/cannot/break', '  ok']],
  ])('%s', (_label, first, text, indent, columns, want) => {
    expect(wrapHanging(first, text, indent, columns)).toEqual(want);
  });
});
