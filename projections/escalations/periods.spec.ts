import { periodOf, periodsBetween } from './periods';

describe('periodOf', () => {
  it.each([
    ['2022-05-10', 'month', { period: '2022-05', start: '2022-05-01', end: '2022-05-31' }],
    ['2024-02-29', 'month', { period: '2024-02', start: '2024-02-01', end: '2024-02-29' }],
    ['2023-02-01', 'month', { period: '2023-02', start: '2023-02-01', end: '2023-02-28' }],
    ['2022-05-10', 'quarter', { period: '2022-Q2', start: '2022-04-01', end: '2022-06-30' }],
    ['2022-01-01', 'quarter', { period: '2022-Q1', start: '2022-01-01', end: '2022-03-31' }],
    ['2022-12-31', 'quarter', { period: '2022-Q4', start: '2022-10-01', end: '2022-12-31' }],
  ] as const)('%s by %s', (date, kind, expected) => {
    expect(periodOf(date, kind)).toEqual(expected);
  });
});

describe('periodsBetween', () => {
  it('lists every month from the one holding from to the one holding to, across a year end', () => {
    expect(periodsBetween('2022-11-15', '2023-02-01', 'month').map((p) => p.period)).toEqual([
      '2022-11',
      '2022-12',
      '2023-01',
      '2023-02',
    ]);
  });

  it('lists quarters', () => {
    expect(periodsBetween('2022-05-10', '2023-01-01', 'quarter').map((p) => p.period)).toEqual([
      '2022-Q2',
      '2022-Q3',
      '2022-Q4',
      '2023-Q1',
    ]);
  });

  it('gives one period when from and to share it, and none when to is before from', () => {
    expect(periodsBetween('2022-05-02', '2022-05-30', 'month')).toHaveLength(1);
    expect(periodsBetween('2022-06-02', '2022-05-30', 'month')).toEqual([]);
  });
});
