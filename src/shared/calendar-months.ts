/**
 * Calendar-month arithmetic on business dates (YYYY-MM-DD), pure: the date is always given, never
 * read from a clock. Used where a rule says "within six months of" (a CSPR's publication, an
 * inspection recommendation's next update).
 */

/** The same day `months` later; a day the month lacks is its last day (31 August + 6 months = 28 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}
