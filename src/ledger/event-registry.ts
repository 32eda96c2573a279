import type { DomainEvent } from '../shared/decider';
import type { EventCodec } from './event-codec';
import type { StoredEvent } from './event-envelope';
import { streamCategory } from './stream-name';

/**
 * A stored event read as its domain event: the envelope as stored (id, stream, revision, position,
 * schemaVersion, metadata, integrity) with `type` and `data` in the current domain shape.
 */
export type DecodedEvent<E extends DomainEvent = DomainEvent> = Omit<StoredEvent, 'type' | 'data'> & E;

/** What the ledger needs of an aggregate to read its events: its stream category and codec. */
export interface EventSource<E extends DomainEvent = DomainEvent> {
  category: string;
  codec: EventCodec<E>;
}

/**
 * Reads a stored event through its codec, upcasters included. An event already at the current
 * version is returned as it is (no copy per event); an older one gets its upcast data.
 */
export function decodeWith<E extends DomainEvent>(codec: EventCodec<E>, stored: StoredEvent): DecodedEvent<E> {
  const { data } = codec.decode(stored);
  return (data === stored.data ? stored : { ...stored, data }) as DecodedEvent<E>;
}

/**
 * Every aggregate's codec by stream category: how a reader that is not tied to one aggregate
 * (the pack selector, the completeness test) decodes any event. The ledger knows no context:
 * the application composes the registry from its aggregates (src/aggregates.ts).
 */
export class EventRegistry {
  private readonly byCategory = new Map<string, EventCodec<DomainEvent>>();

  constructor(sources: readonly EventSource[]) {
    for (const { category, codec } of sources) {
      if (this.byCategory.has(category)) throw new Error(`Two codecs for stream category ${category}`);
      this.byCategory.set(category, codec);
    }
  }

  get categories(): string[] {
    return [...this.byCategory.keys()];
  }

  codecOf(category: string): EventCodec<DomainEvent> | undefined {
    return this.byCategory.get(category);
  }

  /** Whether a codec knows this event's category and type. */
  knows(stored: Pick<StoredEvent, 'streamId' | 'type'>): boolean {
    return this.byCategory.get(streamCategory(stored.streamId))?.types.includes(stored.type) ?? false;
  }

  /** The event in its current domain shape; throws for a category or type no codec declares. */
  decode(stored: StoredEvent): DecodedEvent {
    const codec = this.byCategory.get(streamCategory(stored.streamId));
    if (!codec) throw new Error(`No codec for stream category ${streamCategory(stored.streamId)} (${stored.streamId})`);
    return decodeWith(codec, stored);
  }
}
