import { BadRequestException } from '@nestjs/common';
import {
  CALENDAR_FIRST,
  CALENDAR_LAST,
  inCalendarRange,
} from '../../../projections/calendar/bank-holidays-england-wales';
import { businessDate } from '../../../projections/calendar/business-date';
import { problem } from '../../http/problem';

/**
 * The dates a reader gave, as business dates the working-day calendar can count on. A date
 * outside the bank holiday table is refused (400 date-outside-calendar) rather than miscounted.
 */
export function calendarDates<K extends string>(dates: Partial<Record<K, string>>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  const bad: { field: string; messages: string[] }[] = [];
  for (const [field, value] of Object.entries(dates) as [K, string | undefined][]) {
    if (value === undefined) continue;
    const date = businessDate(value);
    if (inCalendarRange(date)) out[field] = date;
    else
      bad.push({
        field,
        messages: [
          `${field} must be from ${CALENDAR_FIRST} to ${CALENDAR_LAST}, the years the bank holiday table covers`,
        ],
      });
  }
  if (bad.length) {
    throw new BadRequestException(
      problem(400, 'date-outside-calendar', 'A date is outside the working-day calendar', {
        detail: bad.map((b) => `${b.field}: ${b.messages.join(', ')}`).join('; '),
        errors: bad,
      }),
    );
  }
  return out;
}

export function assertOrdered(from: string | undefined, to: string | undefined): void {
  if (from !== undefined && to !== undefined && from > to) {
    throw new BadRequestException(
      problem(400, 'invalid-date-range', 'from is after to', {
        errors: [{ field: 'from', messages: ['from must be on or before to'] }],
      }),
    );
  }
}
