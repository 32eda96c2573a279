import { withoutUndefined } from './without-undefined';

describe('withoutUndefined', () => {
  it('given members left undefined, then the copy leaves them out and keeps every other value (null, 0, "", false)', () => {
    const doc = { a: 1, b: undefined, c: null, d: 0, e: '', f: false };
    const copy = withoutUndefined(doc);
    expect(Object.keys(copy)).toEqual(['a', 'c', 'd', 'e', 'f']);
    expect(copy).toEqual({ a: 1, c: null, d: 0, e: '', f: false });
  });

  it('given a document, then it is copied, not changed', () => {
    const doc = { a: 1, b: undefined };
    expect(withoutUndefined(doc)).not.toBe(doc);
    expect(Object.keys(doc)).toEqual(['a', 'b']);
  });

  it('given data without undefined members, then its JSON is the same as after a round trip', () => {
    const data = { actionId: 'a1', note: undefined, owners: [] };
    expect(JSON.stringify(withoutUndefined(data))).toBe(JSON.stringify(JSON.parse(JSON.stringify(data))));
  });
});
