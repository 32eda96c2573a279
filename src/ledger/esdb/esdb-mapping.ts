import {
  excludeSystemEvents,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type EventData,
  type Filter,
  type JSONType,
  type Position,
  type RecordedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, Integrity, StoredEvent } from '../event-envelope';
import type { LogFilter } from '../event-store.port';

/**
 * How one ledger envelope sits in an EventStoreDB event:
 *   ESDB event id = our id (uuid), ESDB type = our type, ESDB data = our data (JSON),
 *   ESDB metadata = { schemaVersion, metadata, integrity } (JSON).
 * Revision is the ESDB stream revision; position is the ESDB PREPARE position (see toPosition).
 */
export interface EsdbEnvelopeMetadata {
  schemaVersion: number;
  metadata: EventMetadata;
  integrity: Integrity;
}

export function toEsdbEvent(e: Omit<StoredEvent, 'position'>): EventData {
  const metadata: EsdbEnvelopeMetadata = {
    schemaVersion: e.schemaVersion,
    metadata: e.metadata,
    integrity: e.integrity,
  };
  // Our data is any JSON value; the client JSON.stringifies it whatever its declared type.
  return jsonEvent({ id: e.id, type: e.type, data: e.data as JSONType, metadata });
}

/** `$`-prefixed event types (`$>` links, `$statsCollected`, …) or streams (`$stats-…`, `$$meta`, …). */
export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

/**
 * A recorded ESDB event as our envelope, or undefined for a system event (skipped everywhere).
 * An event that is not a sealed ledger envelope (written by another tool, or edited in place)
 * is NOT hidden: it comes back with an empty integrity, so the chain verifier reports it.
 */
export function fromEsdbEvent(event: RecordedEvent | undefined): StoredEvent | undefined {
  if (!event || isSystemEvent(event.streamId, event.type)) return undefined;
  const meta = (isObject(event.metadata) ? event.metadata : {}) as Partial<EsdbEnvelopeMetadata>;
  return {
    id: event.id,
    streamId: event.streamId,
    revision: toSafeNumber(event.revision, 'revision'),
    position: toPosition(event.position),
    type: event.type,
    schemaVersion: typeof meta.schemaVersion === 'number' ? meta.schemaVersion : 0,
    data: event.data,
    metadata: (isObject(meta.metadata) ? meta.metadata : {}) as EventMetadata,
    integrity: isIntegrity(meta.integrity) ? meta.integrity : { prevHash: '', hash: '' },
  };
}

/**
 * Our `position` is the event's log position: the byte offset of the event's own record, unique
 * per event and increasing along $all, but NOT dense (it grows by record sizes, with gaps). For
 * every event of an ordinary gRPC append a real node reports commit == prepare, and that is
 * REQUIRED here: an event with commit ≠ prepare (an explicit TCP-era transaction, which this
 * adapter never writes) is refused, because one number could not name its $all position.
 * Stream reads carry positions from server 22.6.0 on.
 */
export function toPosition(position: Position | undefined): number {
  if (!position)
    throw new Error('EventStoreDB returned an event without a log position (server 22.6.0 or later is required)');
  if (position.commit !== position.prepare) {
    throw new Error(
      `EventStoreDB returned an event at commit ${position.commit} / prepare ${position.prepare}: events written in explicit transactions have no single position to resume from`,
    );
  }
  return toSafeNumber(position.prepare, 'position');
}

/**
 * The $all position to (re)start a read or subscription at/after our `position` P. P is always a
 * position the server returned (toPosition above: commit == prepare == P), so { commit: P,
 * prepare: P } is exactly the pair the server gave for that event: the adapter never sends a
 * position it did not get from the server (a real node refuses any other number). Forwards
 * reads include the event at P; the adapter drops it.
 */
export function fromPositionOf(p: number): Position {
  return { commit: BigInt(p), prepare: BigInt(p) };
}

/**
 * The server-side filter for a subscription: a coarse pre-selection only (ESDB filters on ONE of
 * stream name or event type, by prefix or regex). Prefixes over-select (category `case` also
 * matches stream `cases-1`), and src/ledger/log-filter.ts matchesFilter is applied client-side
 * afterwards, so the result is exactly the shared filter semantics.
 */
export function serverFilterFor(filter: LogFilter | undefined): Filter {
  if (filter?.streamCategories?.length) return streamNameFilter({ prefixes: filter.streamCategories });
  if (filter?.eventTypePrefixes?.length) return eventTypeFilter({ prefixes: filter.eventTypePrefixes });
  return excludeSystemEvents();
}

export function toSafeNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError(`EventStoreDB ${what} ${value} is outside the safe integer range`);
  return Number(value);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

function isIntegrity(v: unknown): v is Integrity {
  return isObject(v) && typeof v.prevHash === 'string' && typeof v.hash === 'string';
}
