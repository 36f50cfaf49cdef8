import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../../../emulator/identity/sts-xml.js';

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`a<b>&'"`)).toBe('a&lt;b&gt;&amp;&apos;&quot;');
  });
});
