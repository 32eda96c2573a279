import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../src/ledger/event-envelope';

export const testActor = { userId: 'user-amrita', role: 'business-manager', agency: 'warwickshire-cc' };

/** A minimal valid new event for store tests. */
export function newEvent(
  type = 'test-happened',
  data: unknown = { n: 1 },
  occurredAt = '2022-05-10T10:00:00.000Z',
): NewEvent {
  const id = randomUUID();
  return {
    id,
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: testActor, correlationId: id, causationId: id, occurredAt },
  };
}

export function newEvents(count: number, type = 'test-happened'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent(type, { i }));
}
