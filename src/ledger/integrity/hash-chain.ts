import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, type NewEvent, type StoredEvent } from '../event-envelope';

/** The hashed part of an event: everything but its global position (the engine assigns that). */
export type HashedContent = Omit<StoredEvent, 'position' | 'integrity'>;

export function hashEvent(content: HashedContent, prevHash: string): string {
  const { id, streamId, revision, type, schemaVersion, data, metadata } = content;
  const canonical = canonicalJson({ id, streamId, revision, type, schemaVersion, data, metadata, prevHash });
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Turns new events into chained envelopes continuing a stream whose last event has `lastHash`
 * at revision `lastRevision` (-1 and GENESIS_HASH for a new stream). Every adapter seals the
 * same way, so a chain written by one engine verifies after migration to another.
 */
export function sealEvents(
  streamId: string,
  events: NewEvent[],
  last: { revision: number; hash: string },
  recordedAt: string,
): Omit<StoredEvent, 'position'>[] {
  let prevHash = last.hash;
  return events.map((e, i) => {
    const content: HashedContent = {
      id: e.id,
      streamId,
      revision: last.revision + 1 + i,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: { ...e.metadata, recordedAt },
    };
    const hash = hashEvent(content, prevHash);
    const sealed = { ...content, integrity: { prevHash, hash } };
    prevHash = hash;
    return sealed;
  });
}

export const NEW_STREAM_TAIL = { revision: -1, hash: GENESIS_HASH } as const;
