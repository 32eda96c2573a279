import { assertPence, formatPounds, splitPence } from './money';

describe('splitPence', () => {
  it('given an equal split that does not divide, when split, then the parts differ by at most a penny and sum exactly', () => {
    expect(splitPence(2164900, [1, 1, 1])).toEqual([721634, 721633, 721633]);
    expect(splitPence(100, [1, 1, 1]).reduce((a, b) => a + b)).toBe(100);
  });

  it('given proportional weights, when split, then each part follows its weight and the total is kept', () => {
    const parts = splitPence(1001, [50, 30, 20]);
    expect(parts).toEqual([501, 300, 200]);
    expect(parts.reduce((a, b) => a + b)).toBe(1001);
  });

  it('given random totals and weights, when split, then the parts always sum to the total', () => {
    for (let n = 0; n < 500; n++) {
      const total = Math.floor(Math.random() * 10_000_000);
      const weights = Array.from({ length: 1 + Math.floor(Math.random() * 6) }, () => Math.random() * 10 + 0.01);
      expect(splitPence(total, weights).reduce((a, b) => a + b)).toBe(total);
    }
  });

  it('refuses fractional totals, negative or all-zero weights and no parts', () => {
    expect(() => splitPence(10.5, [1])).toThrow(RangeError);
    expect(() => splitPence(10, [-1, 2])).toThrow(RangeError);
    expect(() => splitPence(10, [0, 0])).toThrow(RangeError);
    expect(() => splitPence(10, [])).toThrow(RangeError);
  });
});

describe('assertPence and formatPounds', () => {
  it('accepts whole pence and refuses fractions', () => {
    expect(assertPence(700000)).toBe(700000);
    expect(() => assertPence(0.5)).toThrow('whole number of pence');
  });

  it('formats pence as pounds for people', () => {
    expect(formatPounds(2164900)).toBe('£21,649.00');
    expect(formatPounds(-64900)).toBe('-£649.00');
  });
});
