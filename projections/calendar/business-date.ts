/**
 * The calendar date an instant falls on in England (Europe/London), which is the date working days
 * are counted on: 2022-06-01T23:30:00Z is 2 June in British Summer Time, a bank holiday.
 * A bare YYYY-MM-DD is already a date and is returned as given.
 */
const LONDON = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function businessDate(isoOrDate: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoOrDate)) return isoOrDate;
  const ms = Date.parse(isoOrDate);
  if (Number.isNaN(ms)) throw new RangeError(`${isoOrDate} is not an ISO-8601 date or instant`);
  return LONDON.format(ms); // en-CA formats as YYYY-MM-DD
}
