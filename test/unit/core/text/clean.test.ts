import { describe, expect, it } from 'vitest';
import { clean, cleanBlock } from '../../../../main/core/text/clean.js';

describe('clean', () => {
  it('escapes what a terminal would act on, keeping the text readable', () => {
    expect(clean('ok\u001b]0;pwned\u0007\u001b[2K\rfake\u009b2J\u202e\u007f end')).toBe('ok\\u001b]0;pwned\\u0007\\u001b[2K\\u000dfake\\u009b2J\\u202e\\u007f end');
  });

  it('leaves ordinary text, accents and emoji alone, and caps the length', () => {
    expect(clean('Zoë <zoe@example.com> 👍')).toBe('Zoë <zoe@example.com> 👍');
    expect(clean('x'.repeat(10), 4)).toBe('xxxx… (10 chars)');
  });

  it('cleanBlock keeps line feeds and tabs but not carriage returns or escapes', () => {
    expect(cleanBlock('a\n\tb\r\u001b[2Kc')).toBe('a\n\tb\\u000d\\u001b[2Kc');
  });
});
