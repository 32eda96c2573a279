/**
 * What "as of" means for every read model (pure: parsing and the comparison rules only).
 *
 * - A log position P: the read model after applying every event at position <= P.
 * - A date D (YYYY-MM-DD): as known at the end of D (UTC): the longest prefix of the log whose
 *   events were all recorded (metadata.recordedAt) by 23:59:59.999Z that day. Minutes entered later
 *   about an earlier meeting are not in it: that is the point of an audit replay.
 * - An instant (ISO-8601 with a zone): as known at that instant, by the same rule.
 *
 * "Recorded by" uses a running maximum of recordedAt along the log, so if the ledger's clock ever
 * stepped back the answer is still a prefix of the log (with a forward-only clock, it is exactly the
 * last position whose recordedAt <= D).
 */
export type AsOf = { basis: 'position'; position: number } | { basis: 'recorded'; instant: string; date: string };

const POSITION = /^\d{1,15}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Text from a query string -> an AsOf, or undefined if it is neither a position nor a real date. */
export function parseAsOf(text: string): AsOf | undefined {
  if (POSITION.test(text)) return { basis: 'position', position: Number(text) };
  const date = DATE.exec(text);
  if (date) {
    const [, y, m, d] = date.map(Number);
    const t = new Date(Date.UTC(y, m - 1, d));
    // Date.UTC rolls 2022-02-30 over to March: a date that moved was not a real date.
    if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
    return { basis: 'recorded', instant: `${text}T23:59:59.999Z`, date: text };
  }
  if (INSTANT.test(text)) {
    const t = new Date(text);
    if (Number.isNaN(t.getTime())) return undefined;
    const instant = t.toISOString();
    return { basis: 'recorded', instant, date: instant.slice(0, 10) };
  }
  return undefined;
}

/** Was everything up to and including an event with this running-max recordedAt known at `instant`? */
export const knownAt = (runningMaxRecordedAt: string, instant: string): boolean => runningMaxRecordedAt <= instant;
