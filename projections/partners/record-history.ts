import type { Actor } from '../../src/ledger/event-envelope';
import type { DecodedEvent } from '../../src/ledger/event-registry';
import type { DomainEvent } from '../../src/shared/decider';
import { revisionAfter as streamRevisionAfter } from '../record-revision';

/** Who did something and when: business time, ledger time and the verified actor. */
export interface Stamp {
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
}

/**
 * One line of a registry record's history (partner, person, board): what happened, when, by whom,
 * and where it is in the ledger. Kept in the document: these records change a handful of times.
 */
export interface RecordHistoryEntry extends Stamp {
  type: string;
  summary: string;
  /** The stream it came from (a succession is in the predecessor's stream), to verify it against its hash chain. */
  streamId: string;
  eventId: string;
  position: number;
}

/** What every registry record (partner, person, board) keeps of its own trail in the ledger. */
export interface RecordTrail {
  /** The revision of the record's own stream (-1 before its first event): the ETag its commands take as If-Match. */
  revision: number;
  registered?: Stamp;
  history: RecordHistoryEntry[];
}

/** The trail of a record that changes after its registration (partner, person): also its latest change. */
export interface UpdatedRecordTrail extends RecordTrail {
  lastUpdate?: Stamp & { type: string };
}

export const stampOf = (event: DecodedEvent<DomainEvent>): Stamp => {
  const { occurredAt, recordedAt, actor } = event.metadata;
  return { occurredAt, recordedAt, actor };
};

export const historyEntry = (event: DecodedEvent<DomainEvent>, summary: string): RecordHistoryEntry => ({
  type: event.type,
  ...stampOf(event),
  summary,
  streamId: event.streamId,
  eventId: event.id,
  position: event.position,
});

/**
 * A register document (case review, inspection, risk, review, audit, plan item) after one event of its
 * own stream: what the event changed, its stamp as the last change, the stream's revision and a
 * history line saying what happened.
 */
export function withRecordedChange<D extends RecordTrail & { lastChange?: Stamp }>(
  doc: D,
  event: DecodedEvent<DomainEvent>,
  [changed, summary]: [Partial<D>, string],
  record: { category: string; id: string },
): D {
  return {
    ...doc,
    ...changed,
    lastChange: stampOf(event),
    revision: streamRevisionAfter(doc, event, record),
    history: [...doc.history, historyEntry(event, summary)],
  };
}

/** The record's stream revision after an event: moved only by the record's own stream (a succession also touches the successor). */
export const revisionAfter = (revision: number, ownStream: string, event: DecodedEvent<DomainEvent>): number =>
  event.streamId === ownStream ? event.revision : revision;

/** Dated spans from "from" dates in order: each ends where the next begins (null: still in force). */
export const withUntil = <T extends { from: string | null }>(spans: T[]): (T & { until: string | null })[] =>
  spans.map((s, i) => ({ ...s, until: spans[i + 1]?.from ?? null }));
