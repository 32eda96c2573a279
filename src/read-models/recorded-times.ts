import type { StoredEvent } from '../ledger/event-envelope';

/** Events between two rows of the position -> recordedAt index within one batch. */
const TIME_MARK_EVERY = 500;

/** What one projection applied since its last commit: the latest recordedAt, and the marks. */
export interface RecordedSince {
  latest: string;
  /** [position, latest recordedAt up to it], one every TIME_MARK_EVERY events. */
  marks: [number, string][];
  since: number;
}

/**
 * Per projection since its last commit (noted by the worker, written with the batch): the latest
 * recordedAt applied, and a time mark every TIME_MARK_EVERY events, so the position -> time index
 * stays as fine as small batches made it however large a catch-up batch grows (as-of by date
 * reads the log between two marks).
 */
export class RecordedTimes {
  private readonly byProjection = new Map<string, RecordedSince>();

  note(projection: string, recordedAt: string, position?: number): void {
    const seen = this.since(projection, recordedAt);
    if (recordedAt > seen.latest) seen.latest = recordedAt;
    if (position !== undefined && ++seen.since >= TIME_MARK_EVERY) {
      seen.marks.push([position, seen.latest]);
      seen.since = 0;
    }
  }

  /** As `note` for each of events[from..to) (a page's run applied in one pass), with one lookup. */
  noteAll(projection: string, events: readonly StoredEvent[], from: number, to: number): void {
    if (from >= to) return;
    const seen = this.since(projection, events[from].metadata.recordedAt);
    for (let i = from; i < to; i++) {
      const recordedAt = events[i].metadata.recordedAt;
      if (recordedAt > seen.latest) seen.latest = recordedAt;
      if (++seen.since >= TIME_MARK_EVERY) {
        seen.marks.push([events[i].position, seen.latest]);
        seen.since = 0;
      }
    }
  }

  of(projection: string): RecordedSince | undefined {
    return this.byProjection.get(projection);
  }

  /** After the batch is written, or dropped (its events' times are noted again when re-applied). */
  forget(projection: string): void {
    this.byProjection.delete(projection);
  }

  private since(projection: string, first: string): RecordedSince {
    let seen = this.byProjection.get(projection);
    if (seen === undefined) this.byProjection.set(projection, (seen = { latest: first, marks: [], since: 0 }));
    return seen;
  }
}
