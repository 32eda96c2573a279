import type { NewEvent } from '../../event-envelope';

const actor = { userId: 'user-amrita', role: 'business-manager', agency: 'warwickshire-cc' };
let seq = 0;

/**
 * `count` new 'action-raised' events with ids unique within the test file (evt-1, evt-2...) and
 * data { i } counting from 0 in each call. Test support only (the verify-store specs).
 */
export const numberedEvents = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, i) => {
    const id = `evt-${++seq}`;
    return {
      id,
      type: 'action-raised',
      schemaVersion: 1,
      data: { i },
      metadata: { actor, correlationId: id, causationId: id, occurredAt: '2022-05-10T10:00:00.000Z' },
    };
  });
