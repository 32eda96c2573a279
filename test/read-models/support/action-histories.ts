import fc from 'fast-check';
import type { ActionEvent } from '../../../src/actions';
import type { NewEvent } from '../../../src/ledger/event-envelope';

/** An event to append, with the stream it belongs to. */
export interface Append {
  streamId: string;
  event: NewEvent;
}

const actor = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const MEETINGS = [
  ['wseb-2022-05-10', 'wseb'],
  ['wseb-2022-06-07', 'wseb'],
  ['worcs-2022-05-11', 'worcs-scb'],
] as const;
const OWNERS = [
  { kind: 'person', personId: 'pete-hill' },
  { kind: 'partner', partnerId: 'warwickshire-police' },
  { kind: 'team', name: 'All' },
] as const;

let serial = 0;
function append(streamId: string, type: string, data: unknown, day: number): Append {
  const id = `evt-${++serial}`;
  const occurredAt = new Date(Date.UTC(2022, 4, 10 + day)).toISOString();
  return {
    streamId,
    event: { id, type, schemaVersion: 1, data, metadata: { actor, correlationId: id, causationId: id, occurredAt } },
  };
}

/** Any later action event; evolve must handle every one in any status (the decider guards order). */
function later(actionId: string, kind: number, n: number): ActionEvent {
  const owners = [OWNERS[n % OWNERS.length]];
  const events: ActionEvent[] = [
    { type: 'action-progress-noted', data: { actionId, note: `note ${n}` } },
    { type: 'action-carried-forward', data: { actionId, toMeetingId: MEETINGS[1][0], timesCarriedForward: n } },
    { type: 'action-reassigned', data: { actionId, owners, previousOwners: [], reason: 'cover' } },
    { type: 'action-due-date-changed', data: { actionId, dueDate: `2022-0${6 + (n % 3)}-15`, reason: 'later' } },
    { type: 'action-completed', data: { actionId } },
    { type: 'action-closed', data: { actionId, closedFrom: 'actioned' } },
    { type: 'action-reopened', data: { actionId, reopenedFrom: 'closed', reason: 'not done' } },
    { type: 'action-cancelled', data: { actionId, cancelledFrom: 'open', reason: 'superseded' } },
  ];
  return events[kind % events.length];
}

/** Meetings first, then steps over up to five actions; an action's first step raises it. */
export function toAppends(steps: { action: number; kind: number }[], noise: number[]): Append[] {
  const out: Append[] = MEETINGS.map(([meetingId, boardId], i) =>
    append(
      `meeting-${meetingId}`,
      'meeting-scheduled',
      { meetingId, boardId, scheduledFor: `2022-0${5 + i}-10T09:30:00.000Z` },
      i,
    ),
  );
  const raised = new Set<number>();
  steps.forEach(({ action, kind }, n) => {
    const actionId = `act-${action}`;
    if (!raised.has(action)) {
      raised.add(action);
      const [meetingId] = MEETINGS[action % MEETINGS.length];
      out.push(
        append(
          `action-${actionId}`,
          'action-raised',
          {
            actionId,
            meetingId,
            itemNumber: 1 + action,
            text: `Action ${action}`,
            owners: [OWNERS[action % 3]],
            dueDate: '2022-06-30',
          },
          n,
        ),
      );
    } else {
      const e = later(actionId, kind, n);
      out.push(append(`action-${actionId}`, e.type, e.data, n));
    }
    // Events no projection reads still move the checkpoint.
    if (noise.includes(n)) out.push(append(`decision-d${n}`, 'decision-recorded', { decisionId: `d${n}` }, n));
  });
  return out;
}

export const histories = fc
  .tuple(
    fc.array(fc.record({ action: fc.nat(4), kind: fc.nat(7) }), { minLength: 1, maxLength: 40 }),
    fc.array(fc.nat(40), { maxLength: 5 }),
  )
  .map(([steps, noise]) => toAppends(steps, noise));
