/**
 * Every England and Wales bank holiday from 2016 to 2027 inclusive, as published at
 * https://www.gov.uk/bank-holidays (the "england-and-wales" division of gov.uk/bank-holidays.json).
 * Substitute days are listed where the holiday itself falls at a weekend, and one-off days are
 * included: VE Day moved the early May holiday in 2020; the Platinum Jubilee moved the spring
 * holiday in 2022 and added 3 June; the Queen's state funeral (2022-09-19) and the coronation
 * (2023-05-08) were extra days.
 *
 * A dated table, not a rule: one-off days cannot be computed, and a missing year must never count
 * as "no holidays". Dates outside the range are refused (see isBankHoliday) so that a measure is
 * wrong loudly, never silently. Extend the table, and CALENDAR_LAST, when gov.uk publishes a year.
 */
export const CALENDAR_FIRST = '2016-01-01';
export const CALENDAR_LAST = '2027-12-31';

export const BANK_HOLIDAYS_ENGLAND_WALES: Readonly<Record<number, readonly string[]>> = {
  2016: [
    '2016-01-01',
    '2016-03-25',
    '2016-03-28',
    '2016-05-02',
    '2016-05-30',
    '2016-08-29',
    '2016-12-26',
    '2016-12-27',
  ],
  2017: [
    '2017-01-02',
    '2017-04-14',
    '2017-04-17',
    '2017-05-01',
    '2017-05-29',
    '2017-08-28',
    '2017-12-25',
    '2017-12-26',
  ],
  2018: [
    '2018-01-01',
    '2018-03-30',
    '2018-04-02',
    '2018-05-07',
    '2018-05-28',
    '2018-08-27',
    '2018-12-25',
    '2018-12-26',
  ],
  2019: [
    '2019-01-01',
    '2019-04-19',
    '2019-04-22',
    '2019-05-06',
    '2019-05-27',
    '2019-08-26',
    '2019-12-25',
    '2019-12-26',
  ],
  // 8 May: early May bank holiday moved to VE Day's 75th anniversary.
  2020: [
    '2020-01-01',
    '2020-04-10',
    '2020-04-13',
    '2020-05-08',
    '2020-05-25',
    '2020-08-31',
    '2020-12-25',
    '2020-12-28',
  ],
  2021: [
    '2021-01-01',
    '2021-04-02',
    '2021-04-05',
    '2021-05-03',
    '2021-05-31',
    '2021-08-30',
    '2021-12-27',
    '2021-12-28',
  ],
  // 2 June: spring bank holiday moved; 3 June: Platinum Jubilee; 19 September: the Queen's state funeral.
  2022: [
    '2022-01-03',
    '2022-04-15',
    '2022-04-18',
    '2022-05-02',
    '2022-06-02',
    '2022-06-03',
    '2022-08-29',
    '2022-09-19',
    '2022-12-26',
    '2022-12-27',
  ],
  // 8 May: the coronation of King Charles III.
  2023: [
    '2023-01-02',
    '2023-04-07',
    '2023-04-10',
    '2023-05-01',
    '2023-05-08',
    '2023-05-29',
    '2023-08-28',
    '2023-12-25',
    '2023-12-26',
  ],
  2024: [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
  ],
  2025: [
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
  ],
  2026: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
  ],
  2027: [
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-08-30',
    '2027-12-27',
    '2027-12-28',
  ],
};

const HOLIDAYS: ReadonlySet<string> = new Set(Object.values(BANK_HOLIDAYS_ENGLAND_WALES).flat());

/** A date the table cannot answer for: the caller must not guess. */
export class CalendarRangeError extends RangeError {
  readonly code = 'date-outside-calendar';
  constructor(readonly date: string) {
    super(
      `${date} is outside the working-day calendar (${CALENDAR_FIRST} to ${CALENDAR_LAST}): extend the bank holiday table`,
    );
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2022-02-30 is not one). */
export function isCalendarDate(date: string): boolean {
  if (!DATE.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

export const inCalendarRange = (date: string): boolean =>
  isCalendarDate(date) && date >= CALENDAR_FIRST && date <= CALENDAR_LAST;

/** Throws for a malformed date or one outside the table's years. */
export function assertInCalendar(date: string): void {
  if (!isCalendarDate(date)) throw new RangeError(`${date} is not a YYYY-MM-DD calendar date`);
  if (!inCalendarRange(date)) throw new CalendarRangeError(date);
}

export function isBankHoliday(date: string): boolean {
  assertInCalendar(date);
  return HOLIDAYS.has(date);
}
