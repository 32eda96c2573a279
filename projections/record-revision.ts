import type { StoredEvent } from '../src/ledger/event-envelope';
import { streamName } from '../src/ledger/stream-name';

/**
 * A document that shows one record (an aggregate): it carries the record's revision, the 0-based
 * revision of the last event the read model applied from the record's own stream (-1 before any).
 * That is the number a command on the record checks If-Match against (src/ledger/command-runner.ts),
 * so a client can send what it read.
 */
export interface RecordRevision {
  revision: number;
}

/** Before the record's first event, as the command runner counts an empty stream. */
export const NO_REVISION = -1;

/**
 * The record's revision once `stored` is applied: the event's stream revision when it is from the
 * record's own stream; unchanged when another record's event only touches this document (a
 * superseding decision naming the decision it replaces, a sign-off request naming its decision).
 */
export function revisionAfter(
  doc: RecordRevision,
  stored: Pick<StoredEvent, 'streamId' | 'revision'>,
  record: { category: string; id: string },
): number {
  return stored.streamId === streamName(record.category, record.id) ? stored.revision : doc.revision;
}
