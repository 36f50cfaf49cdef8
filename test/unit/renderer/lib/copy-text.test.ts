import { describe, expect, it } from 'vitest';
import { bearerHeader, curlLine } from '../../../../renderer/src/lib/copy-text.js';

describe('copy shapes', () => {
  it('builds the header and a curl line that a POSIX shell reads back unchanged', () => {
    expect(bearerHeader('eyJ.a.b')).toBe('Authorization: Bearer eyJ.a.b');
    expect(curlLine('eyJ.a.b', "https://api.example.com/it's")).toBe(`curl -H 'Authorization: Bearer eyJ.a.b' 'https://api.example.com/it'\\''s'`);
  });
});
