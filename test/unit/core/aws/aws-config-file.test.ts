import { describe, expect, it } from 'vitest';
import { replaceSection } from '../../../../main/core/aws/aws-config-file.js';

const block = '[profile app]\ncredential_process = cognito-inspector credentials --profile p --format process\n';

describe('replaceSection', () => {
  it.each([
    ['an empty file gets the block', '', block, false],
    ['a file without the block gets it appended after a blank line', '[default]\nregion = us-east-1\n', `[default]\nregion = us-east-1\n\n${block}`, false],
    ['a file without a final newline too', '[default]\nregion = us-east-1', `[default]\nregion = us-east-1\n\n${block}`, false],
    [
      'an existing block of that name is replaced, the others kept',
      '[default]\nregion = us-east-1\n\n[profile app]\naws_access_key_id = OLD\nregion = eu-west-1\n\n[profile other]\nregion = us-west-2\n',
      `[default]\nregion = us-east-1\n\n${block}\n[profile other]\nregion = us-west-2\n`,
      true,
    ],
    ['a block at the end is replaced', '[profile  app]\nx = 1\n', `${block}`, true],
  ])('%s', (_name, text, expected, replaced) => {
    expect(replaceSection(text, '[profile app]', block)).toEqual({ text: expected, replaced });
  });
});
