import type { DomainEvent } from '../src/shared/decider';
import type { StoredEvent } from '../src/ledger/event-envelope';
import { decodeWith, type DecodedEvent, type EventSource } from '../src/ledger/event-registry';
import { streamCategory } from '../src/ledger/stream-name';
import type { Projection } from './projection';

/**
 * What a projection does with each event type of one aggregate. Typed by the aggregate's event
 * union, so a new event type fails the build until every projection subscribed to its aggregate
 * says whether it handles or ignores it.
 */
export type EventTypeTable<E extends DomainEvent> = Record<E['type'], 'handled' | 'ignored'>;

/** A projection's view of one aggregate: its stream category, the types it handles, and its codec. */
export interface Subscription<E extends DomainEvent = DomainEvent> {
  category: string;
  types: Readonly<Record<string, 'handled' | 'ignored'>>;
  /** Whether the event is from this aggregate's streams and of a type handled here. */
  takes: (stored: StoredEvent) => boolean;
  /** The event in its current domain shape, through the aggregate's codec (upcasters included). */
  decode: (stored: StoredEvent) => DecodedEvent<E>;
}

export function subscribe<E extends DomainEvent>(aggregate: EventSource<E>, types: EventTypeTable<E>): Subscription<E> {
  const table = types as Record<string, 'handled' | 'ignored'>;
  return {
    category: aggregate.category,
    types: table,
    takes: (stored) => table[stored.type] === 'handled' && streamCategory(stored.streamId) === aggregate.category,
    decode: (stored) => decodeWith(aggregate.codec, stored),
  };
}

/** A read model over aggregates' events: the streams it reads are exactly its subscriptions' categories. */
export interface SubscribedProjection<D> extends Projection<D> {
  subscriptions: readonly Subscription[];
}

/** The stream categories a projection reads (e.g. to filter the log for it). */
export const categoriesOf = (p: SubscribedProjection<unknown>): string[] => p.subscriptions.map((s) => s.category);
