import type { StoredEvent } from '../src/ledger/event-envelope';

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

/**
 * Business time (`validAt`): what was true by then, by when things happened (`occurredAt`), as
 * known at some point of the log. A date D means by the end of D (UTC, as for asOf); an instant,
 * by that instant. Never a log position: business time has none.
 */
export interface ValidAt {
  /** The instant an event's business time is compared with (ISO, UTC, milliseconds). */
  through: string;
  /** The date it falls on (UTC), for measures read at a date. */
  date: string;
}

/** Text from a query string -> a ValidAt, or undefined if it is not a real date or an instant with a zone. */
export function parseValidAt(text: string): ValidAt | undefined {
  const at = POSITION.test(text) ? undefined : parseAsOf(text);
  return at?.basis === 'recorded' ? { through: at.instant, date: at.date } : undefined;
}

/**
 * Did an event happen by `through`? Its business time is metadata.occurredAt; an event stored
 * without one (none should be: the command runner always sets it) counts from when it was recorded.
 * Compared as instants, not as text: "10:00:00Z" and "10:00:00.000Z" are the same moment.
 */
export function occurredBy(through: string): (event: StoredEvent) => boolean {
  const limit = Date.parse(through);
  return (event) => {
    const metadata = event.metadata as Partial<StoredEvent['metadata']>;
    const when = Date.parse(metadata.occurredAt ?? metadata.recordedAt ?? '');
    return when <= limit;
  };
}
