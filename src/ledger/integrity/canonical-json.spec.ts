import fc from 'fast-check';
import { canonicalJson, storableCanonicalJson } from './canonical-json';
import { referenceCanonicalJson } from './testing/reference-canonical-json';

const reference = referenceCanonicalJson;

// Any UTF-16 code unit, so lone surrogates, quotes, backslashes and control characters all turn up.
const anyString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 12,
});
const keys = fc.oneof(anyString, fc.constantFrom('id', 'data', 'a', 'b', '10', '2', '__proto__x', ''));
const leaf = fc.oneof(
  anyString,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(-0, 1e21, 5e-324, true, false, null, undefined),
  fc.constant(() => 1), // functions are not JSON, but both versions must still agree on them
);
const { value: anyValue } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('sparse'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  sparse: fc.sparseArray(tie('value'), { maxLength: 6 }),
  object: fc.dictionary(keys, tie('value'), { maxKeys: 6 }),
}));

describe('canonicalJson', () => {
  it('is byte-identical to the reference formulation on arbitrary values', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 3000 },
    );
  });

  it('is byte-identical on JSON values as they come back from storage', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('sorts keys at every depth, drops undefined members and keeps array nulls', () => {
    expect(canonicalJson({ b: 1, a: { d: [undefined, 'x'], c: undefined }, '10': true, '2': null })).toBe(
      '{"10":true,"2":null,"a":{"d":[null,"x"]},"b":1}',
    );
  });

  it('escapes what JSON.stringify escapes, and no more', () => {
    // One special character per string, so none can hide behind another that forces the slow path.
    for (const s of [
      'quote "',
      'backslash \\',
      'newline \n',
      'nul \u0000',
      'unit sep \u001f',
      'lone \ud800',
      'pair \ud83d\ude00',
      'line sep \u2028',
      'del \u007f',
      'plain',
    ]) {
      expect(canonicalJson({ [s]: s })).toBe(`{${JSON.stringify(s)}:${JSON.stringify(s)}}`);
    }
  });

  it('refuses values that have no stable JSON form', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Infinity])).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

describe('storableCanonicalJson', () => {
  const odd = fc.oneof(
    anyValue,
    // eslint-disable-next-line no-sparse-arrays -- a hole, which JSON.stringify writes as null, is the case under test
    fc.constantFrom(new Date(0), new String('boxed'), Object.create(null) as object, [1, , 2], { f: () => 1 }, [
      Symbol('s'),
    ]),
  );

  it('is canonicalJson whenever it answers, and parses back to what JSON.stringify would have stored', () => {
    fc.assert(
      fc.property(odd, (v) => {
        const text = storableCanonicalJson(v);
        if (text === undefined) return;
        expect(text).toBe(reference(v));
        expect(JSON.parse(text)).toStrictEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers for every JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(storableCanonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('declines what JSON.stringify would write differently', () => {
    // eslint-disable-next-line no-sparse-arrays -- a hole, which JSON.stringify writes as null, is the case under test
    for (const v of [undefined, () => 1, new Date(0), new String('x'), [1, , 2], { a: { f: () => 1 } }, [Symbol('s')]])
      expect(storableCanonicalJson(v)).toBeUndefined();
    expect(storableCanonicalJson({ b: [undefined, 1], a: undefined })).toBe('{"b":[null,1]}');
  });
});
