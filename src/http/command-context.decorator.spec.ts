import { BadRequestException } from '@nestjs/common';
import { parseIfMatch } from './command-context.decorator';

describe('parseIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['3', 3],
    ['"-1"', -1],
    // A one-record read's ETag: the revision, then the digest of what was read.
    ['"12.0123456789abcdef"', 12],
  ])('given %s, then revision %d', (header, revision) => {
    expect(parseIfMatch(header)).toBe(revision);
  });

  it.each(['"p1234.0123456789abcdef"', '"pnone.0123456789abcdef"', '"3.xyz"', '"3.0123456789abcdef0"', '*'])(
    'given %s (no revision: a list position, a foreign tag), then 400 invalid-if-match',
    (header) => {
      expect(() => parseIfMatch(header)).toThrow(BadRequestException);
    },
  );
});
