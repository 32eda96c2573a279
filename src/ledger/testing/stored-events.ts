import type { Actor, StoredEvent } from '../event-envelope';

/**
 * Stored events for projection, reader and pack tests: the one place that builds the envelope, so a
 * field added to it is added here once. The integrity links are placeholders (these tests do not
 * verify chains; the ledger's own specs do). Test support only: imported by specs, never by the app.
 */

export const TEST_ACTOR: Actor = {
  userId: 'amrita-sharma',
  role: 'business-manager',
  agency: 'warwickshire-safeguarding',
};

export interface StoredEventFields {
  streamId: string;
  type: string;
  data: unknown;
  /** Defaults to 0: most projection tests read one event per stream or do not look at revisions. */
  revision?: number;
  position?: number;
  id?: string;
  schemaVersion?: number;
  actor?: Actor;
  occurredAt?: string;
  recordedAt?: string;
}

export function storedEvent(f: StoredEventFields): StoredEvent {
  const position = f.position ?? 1;
  return {
    id: f.id ?? `e${position}`,
    streamId: f.streamId,
    revision: f.revision ?? 0,
    position,
    type: f.type,
    schemaVersion: f.schemaVersion ?? 1,
    data: f.data,
    metadata: {
      actor: f.actor ?? TEST_ACTOR,
      correlationId: 'c',
      causationId: 'c',
      occurredAt: f.occurredAt ?? '2022-05-10T10:00:00.000Z',
      recordedAt: f.recordedAt ?? '2022-11-21T12:00:00.000Z',
    },
    integrity: { prevHash: '0', hash: '1' },
  };
}

/**
 * A builder whose events take increasing positions `step` apart: positions are opaque and not dense,
 * so specs use a step above 1 to catch code that counts or subtracts them.
 */
export function storedEventFactory(defaults: { step?: number; actor?: Actor } = {}) {
  const step = defaults.step ?? 2;
  let position = 0;
  return (streamId: string, type: string, data: unknown, occurredAt?: string, actor?: Actor): StoredEvent =>
    storedEvent({ streamId, type, data, occurredAt, actor: actor ?? defaults.actor, position: (position += step) });
}
