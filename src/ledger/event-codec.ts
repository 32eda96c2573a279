import type { DomainEvent } from '../shared/decider';
import type { StoredEvent } from './event-envelope';

/** Turns data stored at schema version v into version v+1. */
export type Upcaster = (data: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A value that identifies a person outside a professional role (a child, a family member, a
 * complainant). Declared once per event type; the CommandRunner seals it under the data subject's
 * key before append, so erasing the key erases the value while the hash chain still verifies.
 * Paths are dotted; `[]` after a segment means every element of that array, e.g.
 * `{ path: 'dataSubjects[].name', subject: 'dataSubjects[].subjectId' }`.
 */
export interface PersonalField {
  path: string;
  /** Where the (pseudonymous) data subject id is, sharing the path's array prefix. */
  subject: string;
  /** Seal under a NEW key version (rectification): the superseded version can then be erased alone. */
  newKeyVersion?: boolean;
}

export interface EventTypeSpec {
  /** The version new events are written at. */
  version: number;
  /** upcasters[v] lifts version v to v+1; old versions stay readable forever. */
  upcasters?: Record<number, Upcaster>;
  /** Personal values this event type carries, sealed before append (see PersonalField). */
  personal?: PersonalField[];
}

export interface EventCodec<E extends DomainEvent> {
  versionOf(type: E['type']): number;
  /** Reads a stored event as the current domain shape, upcasting older schema versions. */
  decode(stored: Pick<StoredEvent, 'type' | 'schemaVersion' | 'data'>): E;
  types: E['type'][];
  /** The personal fields declared for a type (empty when none). */
  personalOf(type: E['type']): PersonalField[];
}

export function eventCodec<E extends DomainEvent>(specs: Record<E['type'], EventTypeSpec>): EventCodec<E> {
  const table = specs as Record<string, EventTypeSpec>;
  return {
    types: Object.keys(table),
    versionOf: (type) => table[type].version,
    personalOf: (type) => table[type]?.personal ?? [],
    decode(stored) {
      const spec = table[stored.type];
      if (!spec) throw new Error(`Unknown event type ${stored.type}`);
      let data = stored.data;
      for (let v = stored.schemaVersion; v < spec.version; v++) {
        const up = spec.upcasters?.[v];
        if (!up) throw new Error(`No upcaster for ${stored.type} from version ${v}`);
        data = up(data);
      }
      return { type: stored.type, data } as E;
    },
  };
}

/** Every event type at version 1: the common case until a schema changes. */
export function v1<T extends string>(...types: T[]): Record<T, EventTypeSpec> {
  return Object.fromEntries(types.map((t) => [t, { version: 1 }])) as Record<T, EventTypeSpec>;
}
