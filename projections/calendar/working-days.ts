import { assertInCalendar, isBankHoliday } from './bank-holidays-england-wales';

/**
 * Working-day arithmetic on calendar dates (YYYY-MM-DD): Monday to Friday, not an England and
 * Wales bank holiday. Pure: dates are plain strings, days are stepped in UTC so no local time
 * zone or daylight saving change can shift them.
 */
const DAY_MS = 86_400_000;

const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const nextDay = (date: string): string => fromUtc(toUtc(date) + DAY_MS);

export function isWeekend(date: string): boolean {
  const day = new Date(toUtc(date)).getUTCDay();
  return day === 0 || day === 6;
}

export function isWorkingDay(date: string): boolean {
  assertInCalendar(date);
  return !isWeekend(date) && !isBankHoliday(date);
}

/**
 * Working days elapsed from `start` to `end`: the working days after `start` up to and including
 * `end`. The start day is day 0 (as protocols count "within N working days of receipt"), so the
 * same day is 0 and Friday to Monday is 1. Both dates must be in the calendar, and end >= start.
 */
export function workingDaysBetween(start: string, end: string): number {
  assertInCalendar(start);
  assertInCalendar(end);
  if (end < start) throw new RangeError(`${end} is before ${start}`);
  let count = 0;
  for (let d = nextDay(start); d <= end; d = nextDay(d)) if (isWorkingDay(d)) count++;
  return count;
}

/** The date of the `n`th working day after `start` (n >= 1): workingDaysBetween(start, result) === n. */
export function addWorkingDays(start: string, n: number): string {
  assertInCalendar(start);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Add a whole number of working days from 1, not ${n}`);
  let d = start;
  for (let counted = 0; counted < n;) {
    d = nextDay(d);
    if (isWorkingDay(d)) counted++; // throws once it walks off the end of the calendar
  }
  return d;
}
