import { CalendarRangeError } from './bank-holidays-england-wales';
import { businessDate } from './business-date';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

describe('isWorkingDay', () => {
  it.each([
    ['2022-05-10', 'a Tuesday', true],
    ['2022-05-14', 'a Saturday', false],
    ['2022-05-15', 'a Sunday', false],
    ['2022-06-02', 'the jubilee Thursday', false],
    ['2022-05-30', 'a Monday that was not a holiday in 2022', true],
  ])('%s (%s) -> %s', (date, _, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('workingDaysBetween (the start day is day 0)', () => {
  it.each([
    ['the same day', '2022-05-10', '2022-05-10', 0],
    ['the next weekday', '2022-05-10', '2022-05-11', 1],
    ['Monday to Friday', '2022-05-09', '2022-05-13', 4],
    ['Friday to Monday (a weekend in between)', '2022-05-13', '2022-05-16', 1],
    ['Friday to Saturday', '2022-05-13', '2022-05-14', 0],
    ['Saturday to Sunday', '2022-05-14', '2022-05-15', 0],
    ['Saturday to Monday', '2022-05-14', '2022-05-16', 1],
    ['a fortnight', '2022-05-09', '2022-05-23', 10],
    ['over the jubilee (Thu 2 and Fri 3 June off)', '2022-06-01', '2022-06-06', 1],
    ['over Easter 2022 (Good Friday and Easter Monday off)', '2022-04-14', '2022-04-19', 1],
    ['into the state funeral day', '2022-09-16', '2022-09-19', 0],
    ['over the state funeral', '2022-09-16', '2022-09-20', 1],
    ['over the coronation', '2023-05-05', '2023-05-09', 1],
    // 26 and 27 Dec (Christmas substitute) and 2 Jan (New Year substitute) off: 28, 29, 30 Dec and 3 Jan.
    ['across a year end with substitute days', '2022-12-23', '2023-01-03', 4],
    // 2022: 260 weekdays less 10 bank holidays = 250; then 3 January 2023.
    ['across two years', '2021-12-31', '2023-01-03', 251],
    // 2023: 260 weekdays less 9 bank holidays = 251, less the start day.
    ['2023 from its first working day to its last', '2023-01-03', '2023-12-29', 250],
  ])('%s: %s to %s is %i', (_, start, end, expected) => {
    expect(workingDaysBetween(start, end)).toBe(expected);
  });

  it('refuses an end before the start', () => {
    expect(() => workingDaysBetween('2022-05-10', '2022-05-09')).toThrow(/before/);
  });

  it.each([
    ['2015-12-31', '2016-01-04'],
    ['2027-12-30', '2028-01-04'],
  ])('refuses %s to %s, which leaves the calendar', (start, end) => {
    expect(() => workingDaysBetween(start, end)).toThrow(CalendarRangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2022-05-10', 1, '2022-05-11'],
    ['2022-05-13', 1, '2022-05-16'],
    ['2022-06-01', 1, '2022-06-06'],
    ['2022-05-27', 5, '2022-06-07'],
    ['2022-12-23', 2, '2022-12-29'],
  ])('%s + %i working days is %s', (start, n, expected) => {
    expect(addWorkingDays(start, n)).toBe(expected);
    expect(workingDaysBetween(start, expected)).toBe(n);
  });

  it.each([0, -1, 1.5])('refuses %s working days', (n) => {
    expect(() => addWorkingDays('2022-05-10', n)).toThrow(RangeError);
  });

  it('refuses to walk past the end of the calendar', () => {
    expect(() => addWorkingDays('2027-12-30', 2)).toThrow(CalendarRangeError);
  });
});

describe('businessDate', () => {
  it.each([
    ['2022-06-01T23:30:00.000Z', '2022-06-02', 'late evening UTC in summer is the next day in England'],
    ['2022-12-01T23:30:00.000Z', '2022-12-01', 'in winter London is on UTC'],
    ['2022-03-27T00:30:00Z', '2022-03-27', 'the night the clocks go forward'],
    ['2022-06-01', '2022-06-01', 'a bare date is already a date'],
  ])('%s -> %s (%s)', (input, expected) => {
    expect(businessDate(input)).toBe(expected);
  });

  it('refuses text that is not a date', () => {
    expect(() => businessDate('next week')).toThrow(RangeError);
  });
});
