import { BadRequestException } from '@nestjs/common';
import { documentPage, fillPage, keyCursor, positionCursor, type KeyedDocuments } from './cursor-page';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** The 400 a bad cursor leaves the API as. */
function refusal(decode: () => unknown): unknown {
  try {
    decode();
  } catch (err) {
    return err instanceof BadRequestException ? err.getResponse() : err;
  }
  return 'accepted';
}
const invalidCursor: unknown = expect.objectContaining({ status: 400, code: 'invalid-cursor' });

/** Documents under two prefixes, in key order, as the read-model store scans them. */
function store(keys: string[]): KeyedDocuments & { read: string[] } {
  const read: string[] = [];
  return {
    read,
    *scan<D>(_projection: string, prefix: string, afterKey?: string) {
      for (const key of [...keys].sort())
        if (key.startsWith(prefix) && (afterKey === undefined || key > afterKey)) {
          read.push(key);
          yield { key, doc: { id: key.slice(prefix.length) } as D };
        }
    },
  };
}

describe('cursors', () => {
  it('given a key or a position, when encoded, then the bytes are those clients already hold', () => {
    expect(keyCursor('action:').encode('action:a1')).toBe('eyJrIjoiYWN0aW9uOmExIn0');
    expect(positionCursor.encode(42)).toBe('eyJwIjo0Mn0');
  });

  it('given a cursor this API returned, when decoded, then it gives back the key or position', () => {
    expect(keyCursor('action:').decode('eyJrIjoiYWN0aW9uOmExIn0')).toBe('action:a1');
    expect(positionCursor.decode('eyJwIjo0Mn0')).toBe(42);
  });

  it.each([
    ['not base64 JSON', 'abc'],
    ['a key of another list', b64('{"k":"partner:wcc"}')],
    ['a position member', b64('{"p":3}')],
    ['a number key', b64('{"k":3}')],
  ])('given %s, when decoded as a key cursor, then it is a 400 invalid-cursor', (_, cursor) => {
    expect(refusal(() => keyCursor('action:').decode(cursor))).toEqual(invalidCursor);
  });

  it.each([
    ['not base64 JSON', 'bm9wZQ'],
    ['a negative position', b64('{"p":-1}')],
    ['a fraction', b64('{"p":1.5}')],
    ['a key member', b64('{"k":"action:a"}')],
  ])('given %s, when decoded as a position cursor, then it is a 400 invalid-cursor', (_, cursor) => {
    expect(refusal(() => positionCursor.decode(cursor))).toEqual(invalidCursor);
  });
});

describe('fillPage', () => {
  const numbers = [1, 2, 3, 4, 5, 6];
  const even = (n: number) => (n % 2 === 0 ? `#${n}` : undefined);

  it('given more selected entries than fit, then the page is full and its cursor names the last item', () => {
    const page = fillPage(numbers, 2, positionCursor, (n) => n, even);
    expect(page).toEqual({ items: ['#2', '#4'], nextCursor: positionCursor.encode(4) });
  });

  it('given a full last page, then there is no next cursor (no empty page after it)', () => {
    expect(fillPage(numbers, 3, positionCursor, (n) => n, even)).toEqual({
      items: ['#2', '#4', '#6'],
      nextCursor: null,
    });
  });

  it('given a source read lazily, then it stops at the first selected entry past a full page', () => {
    const seen: number[] = [];
    const source = (function* () {
      for (const n of numbers) yield (seen.push(n), n);
    })();
    fillPage(source, 1, positionCursor, (n) => n, even);
    expect(seen).toEqual([1, 2, 3, 4]);
  });
});

describe('documentPage', () => {
  const docs = store(['action:a', 'action:b', 'action:c', 'meeting:m']);
  const ids = (doc: { id: string }) => doc.id;

  it('given a cursor from the previous page, then the next page starts after its key, under the prefix only', () => {
    const first = documentPage(docs, 'p', 'action:', { limit: 2 }, ids);
    expect(first).toEqual({ items: ['a', 'b'], nextCursor: keyCursor('action:').encode('action:b') });
    expect(documentPage(docs, 'p', 'action:', { limit: 2, cursor: first.nextCursor! }, ids)).toEqual({
      items: ['c'],
      nextCursor: null,
    });
  });

  it('given a cursor of another list, then it is refused before anything is read', () => {
    docs.read.length = 0;
    const meetingCursor = keyCursor('meeting:').encode('meeting:m');
    expect(refusal(() => documentPage(docs, 'p', 'action:', { limit: 2, cursor: meetingCursor }, ids))).toEqual(
      invalidCursor,
    );
    expect(docs.read).toEqual([]);
  });
});
