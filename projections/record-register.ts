import type { StoredEvent } from '../src/ledger/event-envelope';
import type { DecodedEvent } from '../src/ledger/event-registry';
import type { DomainEvent } from '../src/shared/decider';
import { withCitedBy, type Citation, type CitedRootKind } from './citations/citations';
import { withRecordedChange, type RecordTrail, type Stamp } from './partners/record-history';
import type { Subscription, SubscribedProjection } from './subscription';

/** A register document: named by its record's id field, with its own trail and latest change. */
type RegisterDoc<K extends string> = RecordTrail & { lastChange?: Stamp } & Record<K, string>;

/** How one register reads its aggregate's events. */
export interface RecordRegister<K extends string, E extends DomainEvent, D> {
  name: string;
  version: number;
  /** The field naming the record, in every event's data and in the document (e.g. `riskId`). */
  id: K;
  /** The document key is this prefix and the record's id. */
  keyPrefix: string;
  /** The document before the record's first event. */
  newDoc: (id: string) => D;
  /** What an event changed in the document, and its history line. */
  change: (doc: D, event: DecodedEvent<E>) => [Partial<D>, string];
}

/**
 * A register of one aggregate's records, one document per record stream (risks, inspections, case
 * reviews, audits, thematic reviews): each event is decoded through the subscription, keyed by the
 * record it names, and applied by `change` with withRecordedChange (the stamp, the stream revision,
 * the history line).
 */
export function recordRegister<
  K extends string,
  E extends DomainEvent<string, Record<K, string>>,
  D extends RegisterDoc<K>,
>(events: Subscription<E>, register: RecordRegister<K, E, D>): SubscribedProjection<D> {
  const { id, keyPrefix } = register;
  return {
    name: register.name,
    version: register.version,
    subscriptions: [events],
    canHandle: events.takes,
    keysOf: (stored) => [`${keyPrefix}${events.decode(stored).data[id]}`],
    initialState: (key) => register.newDoc(key.slice(keyPrefix.length)),
    evolve(doc: D, stored: StoredEvent): D {
      const event = events.decode(stored);
      return withRecordedChange(doc, event, register.change(doc, event), { category: events.category, id: doc[id] });
    },
  };
}

/** A record register that also lists, under citedBy, the actions, decisions and sign-offs citing each record. */
export function citedRecordRegister<
  K extends string,
  E extends DomainEvent<string, Record<K, string>>,
  D extends RegisterDoc<K> & { citedBy: Citation[] },
>(events: Subscription<E>, register: RecordRegister<K, E, D> & { root: CitedRootKind }): SubscribedProjection<D> {
  const { id, keyPrefix, root } = register;
  return withCitedBy(recordRegister(events, register), {
    root,
    keyOf: (recordId) => `${keyPrefix}${recordId}`,
    idOf: (doc) => doc[id],
  });
}
