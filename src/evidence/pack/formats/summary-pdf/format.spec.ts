import { day, instant, money, moneyTick, monthLines, niceScale, pdfText } from './format';

describe('summary.pdf text formats', () => {
  it.each([
    [32_100_000, '£321,000.00'],
    [2_164_900, '£21,649.00'],
    [64_900, '£649.00'],
    [13_376_325, '£133,763.25'],
    [5, '£0.05'],
    [-64_900, '-£649.00'],
  ])('money(%i pence) is %s, with thousands separators', (pence, text) => expect(money(pence)).toBe(text));

  it('axis ticks are whole pounds', () => {
    expect([0, 5_000_000, 20_000_000].map(moneyTick)).toEqual(['£0', '£50,000', '£200,000']);
  });

  it('dates and months read as words; anything unrecognised is shown as given', () => {
    expect(day('2022-04-01')).toBe('1 April 2022');
    expect(day('2023-03-31T00:00:00Z')).toBe('31 March 2023');
    expect(day('2022-13-01')).toBe('2022-13-01');
    expect(day('next week')).toBe('next week');
    expect(monthLines('2022-05')).toEqual(['May', '2022']);
    expect(monthLines('Q1')).toEqual(['Q1', '']);
  });

  it('instants are shown in UTC to the minute, whatever the machine time zone', () => {
    expect(instant('2023-04-15T09:30:59.999Z')).toBe('15 April 2023 at 09:30 UTC');
    expect(instant('2023-04-15T23:30:00+01:00')).toBe('15 April 2023 at 22:30 UTC');
    expect(instant('not a date')).toBe('not a date');
  });

  it('keeps text the built-in fonts can draw (Latin-1, £, curly quotes, dashes) and marks what they cannot', () => {
    expect(pdfText('£7,000 – “up to” café')).toBe('£7,000 – “up to” café');
    expect(pdfText('stage 1 → stage 2, ≤ 5 days')).toBe('stage 1 -> stage 2, <= 5 days');
    expect(pdfText('Łódź 東京 😀')).toBe('?ód? ?? ?');
    expect(pdfText('line one\r\nline two')).toBe('line one\nline two');
  });

  it.each([
    [43, true, { top: 50, step: 10 }],
    [11, true, { top: 12, step: 3 }],
    [1, true, { top: 1, step: 1 }],
    [0, true, { top: 1, step: 1 }],
    [17_835_100, false, { top: 20_000_000, step: 5_000_000 }],
    [2_164_900, false, { top: 3_000_000, step: 1_000_000 }],
  ])('niceScale(%d) gives a round top at or above the maximum', (max, integer, scale) => {
    const got = niceScale(max, integer, integer ? 5 : 4);
    expect(got).toEqual(scale);
    expect(got.top).toBeGreaterThanOrEqual(max);
  });
});
