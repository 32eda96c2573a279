import { jsonDepth, MAX_JSON_DEPTH, nonFinitePaths, scanJson } from './json-body';
import { nullPaths } from './validation';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('json-body checks', () => {
  it('given nested objects and arrays, when the depth is counted, then it is the deepest level, without parsing', () => {
    expect(jsonDepth(bytes('1'))).toBe(0);
    expect(jsonDepth(bytes('{}'))).toBe(1);
    expect(jsonDepth(bytes('{"a":[{"b":[]}],"c":{}}'))).toBe(4);
    expect(jsonDepth(bytes('['.repeat(20_000) + ']'.repeat(20_000)))).toBe(20_000);
    expect(MAX_JSON_DEPTH).toBe(32);
  });

  it('given brackets and escaped quotes inside strings, when the depth is counted, then they do not count', () => {
    expect(jsonDepth(bytes('{"a":"[[{{"}'))).toBe(1);
    expect(jsonDepth(bytes('{"a":"say \\"[[\\" and \\\\","b":[1]}'))).toBe(2);
    expect(jsonDepth(bytes('{"a":"\u00e9[£"}'))).toBe(1);
  });

  it('given a key twice in one object, at the top, in an array item or deeper, when scanned, then its path is named', () => {
    expect(scanJson(bytes('{"a":1,"b":2,"a":3}'))).toEqual({ depth: 1, duplicateKey: 'a' });
    expect(scanJson(bytes('{"owners":[{"n":1},{"n":1,"k":2,"n":3}]}')).duplicateKey).toBe('owners.1.n');
    expect(scanJson(bytes('{"x":{"y":[[0],[1,{"z":1,"z":2}]]}}')).duplicateKey).toBe('x.y.1.1.z');
    expect(scanJson(bytes('{"name":1,"n\\u0061me":2}')).duplicateKey).toBe('name');
    expect(scanJson(bytes('{"é":1,"\\u00e9":2}')).duplicateKey).toBe('é');
  });

  it('given equal keys in sibling objects, keys that only look alike, or key-like values, when scanned, then there is no duplicate', () => {
    expect(scanJson(bytes('[{"a":1},{"a":1}]'))).toEqual({ depth: 2 });
    expect(scanJson(bytes('{"a":{"a":{"a":1}},"b":"a","c":["a","a"]}'))).toEqual({ depth: 3 });
    expect(scanJson(bytes('{"a":1,"A":2,"a ":3,"a\\"":4,"a\\\\":5}'))).toEqual({ depth: 1 });
    expect(scanJson(bytes('{"a,b":"{\\"a\\":1}","x":"a","a":1}'))).toEqual({ depth: 1 });
  });

  it('given numbers that overflowed to Infinity, when checked, then each path is named as the validator names fields; finite ones pass', () => {
    expect(nonFinitePaths(JSON.parse('{"amountPence":1e400,"owners":[{"n":-1e999},{"n":1e308}]}'))).toEqual([
      'amountPence',
      'owners.0.n',
    ]);
    expect(nonFinitePaths(JSON.parse('1e400'))).toEqual(['(body)']);
    expect(nonFinitePaths({ a: 1.5, b: [0, -0, Number.MAX_VALUE], c: 'Infinity', d: null })).toEqual([]);
  });

  it('given nulls anywhere in a body, when checked, then each path is named; a body with none passes', () => {
    expect(nullPaths({ partnerId: null, owners: [{ name: 'x' }, null], deep: { er: { id: null } } })).toEqual([
      'partnerId',
      'owners.1',
      'deep.er.id',
    ]);
    expect(nullPaths(null)).toEqual(['(body)']);
    expect(nullPaths({ a: '', b: 0, c: false, d: [], e: {} })).toEqual([]);
  });
});
