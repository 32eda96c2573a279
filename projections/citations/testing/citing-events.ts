import type { StoredEvent } from '../../../src/ledger/event-envelope';
import type { storedEventFactory } from '../../../src/ledger/testing/stored-events';

/**
 * For the registers' citedBy specs: an action raised (at a meeting the register does not read) that
 * serves the given records, or nothing when `serves` is absent, from the spec's own event factory.
 */
export const citingActionRaised = (
  stored: ReturnType<typeof storedEventFactory>,
  actionId: string,
  serves?: object[],
): StoredEvent =>
  stored(`action-${actionId}`, 'action-raised', {
    actionId,
    meetingId: 'm',
    itemNumber: 1,
    text: 't',
    owners: [{ kind: 'team', name: 'All' }],
    dueDate: '2023-01-31',
    ...(serves ? { serves } : {}),
  });
