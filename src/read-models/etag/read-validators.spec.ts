import { noneMatchHits, positionTag, recordTag } from './read-validators';

describe('read validators', () => {
  it('given the same bytes, then the same tag; given one byte more, then another (strong: bytes, not meaning)', () => {
    expect(recordTag(3, '{"a":1}')).toBe(recordTag(3, '{"a":1}'));
    expect(recordTag(3, '{"a":1}')).toMatch(/^"3\.[0-9a-f]{16}"$/);
    expect(recordTag(3, '{"a":1}')).not.toBe(recordTag(3, '{"a":1 }'));
    expect(recordTag(3, '{"a":1}')).not.toBe(recordTag(4, '{"a":1}'));
  });

  it('given a read model position, then a tag no command can take for a revision; before any event, pnone', () => {
    expect(positionTag(1234, '[]')).toMatch(/^"p1234\.[0-9a-f]{16}"$/);
    expect(positionTag(undefined, '[]')).toMatch(/^"pnone\./);
  });

  it.each([
    [undefined, false],
    ['"3.0123456789abcdef"', true],
    ['W/"3.0123456789abcdef"', true],
    ['"2.0123456789abcdef", "3.0123456789abcdef"', true],
    ['*', true],
    ['"3.0123456789abcdee"', false],
    ['"3"', false],
  ])('If-None-Match %s -> %s', (header, hit) => {
    expect(noneMatchHits(header, '"3.0123456789abcdef"')).toBe(hit);
  });
});
