import { knownAt, parseAsOf } from '../../projections/as-of';

describe('parseAsOf: what an asOf query parameter means', () => {
  it.each([
    ['0', { basis: 'position', position: 0 }],
    ['1234', { basis: 'position', position: 1234 }],
    ['2022-07-01', { basis: 'recorded', instant: '2022-07-01T23:59:59.999Z', date: '2022-07-01' }],
    ['2024-02-29', { basis: 'recorded', instant: '2024-02-29T23:59:59.999Z', date: '2024-02-29' }],
    ['2022-07-01T12:00:00Z', { basis: 'recorded', instant: '2022-07-01T12:00:00.000Z', date: '2022-07-01' }],
    ['2022-07-01T12:00Z', { basis: 'recorded', instant: '2022-07-01T12:00:00.000Z', date: '2022-07-01' }],
    ['2022-07-01T00:30:00+01:00', { basis: 'recorded', instant: '2022-06-30T23:30:00.000Z', date: '2022-06-30' }],
  ])('accepts %s', (text, expected) => {
    expect(parseAsOf(text)).toEqual(expected);
  });

  it.each([
    ['a negative position', '-1'],
    ['a fractional position', '1.5'],
    ['a position too long to be exact', '1234567890123456'],
    ['an impossible date', '2022-02-30'],
    ['a month that does not exist', '2022-13-01'],
    ['an instant without a zone (ambiguous)', '2022-07-01T12:00:00'],
    ['a word', 'yesterday'],
    ['empty', ''],
  ])('refuses %s', (_, text) => {
    expect(parseAsOf(text)).toBeUndefined();
  });

  it.each([
    ['recorded before', '2022-07-01T10:00:00.000Z', true],
    ['recorded at the instant', '2022-07-01T23:59:59.999Z', true],
    ['recorded after', '2022-07-02T00:00:00.000Z', false],
  ])('knownAt the end of 2022-07-01: %s -> %s', (_, recordedAt, expected) => {
    expect(knownAt(recordedAt, '2022-07-01T23:59:59.999Z')).toBe(expected);
  });
});
