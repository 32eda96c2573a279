import { businessDate } from '../../../projections/calendar/business-date';

/**
 * businessDate (the Europe/London calendar date of an instant), memoised by UTC hour for plain
 * UTC instants: London's offset only changes on the hour, so every instant in one UTC hour falls
 * on the same London date. Selection asks this for every event of the log; Intl formatting each
 * one was a measurable share of a 100k-event pack.
 */
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const byHour = new Map<string, string>();

export function businessDay(iso: string): string {
  if (!UTC_INSTANT.test(iso)) return businessDate(iso);
  const hour = iso.slice(0, 13);
  let date = byHour.get(hour);
  if (date === undefined) {
    date = businessDate(`${hour}:00:00Z`);
    if (byHour.size < 200_000) byHour.set(hour, date);
  }
  return date;
}
