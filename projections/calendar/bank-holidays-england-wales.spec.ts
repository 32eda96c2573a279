import {
  BANK_HOLIDAYS_ENGLAND_WALES,
  CalendarRangeError,
  CALENDAR_FIRST,
  CALENDAR_LAST,
  isBankHoliday,
  isCalendarDate,
} from './bank-holidays-england-wales';

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), to check the table's Easter dates. */
function easterSunday(year: number): string {
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
/** The first or last Monday of a month (month 1-12). */
function monday(year: number, month: number, which: 'first' | 'last'): string {
  const mm = String(month).padStart(2, '0');
  let d =
    which === 'first'
      ? `${year}-${mm}-01`
      : shift(`${month === 12 ? year + 1 : year}-${String(month === 12 ? 1 : month + 1).padStart(2, '0')}-01`, -1);
  while (weekday(d) !== 1) d = shift(d, which === 'first' ? 1 : -1);
  return d;
}
const YEARS = Array.from({ length: 12 }, (_, i) => 2016 + i);

describe('England and Wales bank holidays table', () => {
  it.each([
    ['2022-06-02', 'spring bank holiday moved for the Platinum Jubilee'],
    ['2022-06-03', 'Platinum Jubilee'],
    ['2022-09-19', "the Queen's state funeral"],
    ['2023-05-08', 'the coronation'],
    ['2020-05-08', 'VE Day (early May moved)'],
    ['2016-12-27', 'Christmas substitute (25th a Sunday)'],
    ['2020-12-28', 'Boxing Day substitute (26th a Saturday)'],
    ['2022-01-03', 'New Year substitute (1st a Saturday)'],
    ['2027-12-28', 'Boxing Day substitute in the last year'],
  ])('%s is a bank holiday: %s', (date) => {
    expect(isBankHoliday(date)).toBe(true);
  });

  it.each([
    ['2022-05-30', 'the usual last Monday in May, moved in 2022'],
    ['2020-05-04', 'the usual first Monday in May, moved in 2020'],
    ['2022-12-25', 'Christmas Day on a Sunday (its substitute is the holiday)'],
    ['2023-05-09', 'an ordinary Tuesday'],
    ['2022-03-17', "St Patrick's Day (Northern Ireland only)"],
    ['2022-11-30', "St Andrew's Day (Scotland only)"],
  ])('%s is not: %s', (date) => {
    expect(isBankHoliday(date)).toBe(false);
  });

  it.each(YEARS)('%i: every listed day is a weekday in its year, listed once and in order', (year) => {
    const days = BANK_HOLIDAYS_ENGLAND_WALES[year];
    expect(days.every((d) => d.startsWith(`${year}-`) && isCalendarDate(d) && weekday(d) >= 1 && weekday(d) <= 5)).toBe(
      true,
    );
    expect([...days].sort()).toEqual(days);
    expect(new Set(days).size).toBe(days.length);
  });

  it.each(YEARS)('%i: Good Friday and Easter Monday follow Easter Sunday', (year) => {
    const easter = easterSunday(year);
    expect(BANK_HOLIDAYS_ENGLAND_WALES[year]).toEqual(expect.arrayContaining([shift(easter, -2), shift(easter, 1)]));
  });

  it.each(YEARS)('%i: the Monday holidays are where the rules put them, except the years they were moved', (year) => {
    const days = BANK_HOLIDAYS_ENGLAND_WALES[year];
    expect(days.includes(monday(year, 5, 'first'))).toBe(year !== 2020);
    expect(days.includes(monday(year, 5, 'last'))).toBe(year !== 2022);
    expect(days).toContain(monday(year, 8, 'last'));
  });

  it('has eight days a year, plus the jubilee, the state funeral and the coronation', () => {
    expect(Object.fromEntries(YEARS.map((y) => [y, BANK_HOLIDAYS_ENGLAND_WALES[y].length]))).toEqual({
      2016: 8,
      2017: 8,
      2018: 8,
      2019: 8,
      2020: 8,
      2021: 8,
      2022: 10,
      2023: 9,
      2024: 8,
      2025: 8,
      2026: 8,
      2027: 8,
    });
  });

  it.each(['2015-12-31', '2028-01-01', '1999-06-01'])('refuses %s, outside the table, rather than guessing', (date) => {
    expect(() => isBankHoliday(date)).toThrow(CalendarRangeError);
    expect(() => isBankHoliday(date)).toThrow(/outside the working-day calendar/);
  });

  it('answers for its first and last days', () => {
    expect(isBankHoliday(CALENDAR_FIRST)).toBe(true);
    expect(isBankHoliday(CALENDAR_LAST)).toBe(false);
  });

  it.each(['2022-02-30', '2022-6-1', 'tomorrow', '2022-06-01T10:00:00Z'])(
    'refuses %s, which is not a YYYY-MM-DD date',
    (date) => {
      expect(() => isBankHoliday(date)).toThrow(RangeError);
      expect(() => isBankHoliday(date)).not.toThrow(CalendarRangeError);
    },
  );
});
