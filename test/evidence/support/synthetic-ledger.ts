import { randomUUID } from 'node:crypto';
import { MemoryEventStore } from '../../../src/ledger/memory/memory-event-store';
import { ManualClock } from '../../../src/shared/clock';

const actor = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };

/** Appends one event as the command runner would, with its business time. */
export async function put(
  store: MemoryEventStore,
  streamId: string,
  type: string,
  data: unknown,
  occurredAt: string,
): Promise<void> {
  const id = randomUUID();
  await store.append(
    streamId,
    [{ id, type, schemaVersion: 1, data, metadata: { actor, correlationId: id, causationId: id, occurredAt } }],
    'any',
  );
}

const stages = [
  { name: 'Practitioner to practitioner', timescaleWorkingDays: 2 },
  { name: 'Manager to manager', timescaleWorkingDays: 5 },
];

/**
 * A small partnership to test scope rules on: two boards, two partners, a person of p1, a meeting
 * per board, three actions (one before the period, one updated after it), a decision with a
 * sign-off, an escalation under a protocol defined before the period, and a budget.
 * Each row: stream, event type, data, business time; appended in this order.
 */
const ledgerRows: ReadonlyArray<readonly [streamId: string, type: string, data: unknown, occurredAt: string]> = [
  [
    'board-b1',
    'board-registered',
    { boardId: 'b1', name: 'Executive board', kind: 'executive' },
    '2020-01-01T09:00:00Z',
  ],
  ['board-b2', 'board-registered', { boardId: 'b2', name: 'Practice board', kind: 'subgroup' }, '2020-01-01T09:00:00Z'],
  [
    'partner-p1',
    'partner-registered',
    { partnerId: 'p1', name: 'County Council', kind: 'local-authority', statutory: true },
    '2020-01-01T09:00:00Z',
  ],
  [
    'partner-p2',
    'partner-registered',
    { partnerId: 'p2', name: 'Police', kind: 'police', statutory: true },
    '2020-01-01T09:00:00Z',
  ],
  ['person-alice', 'person-registered', { personId: 'alice', name: 'Alice', partnerId: 'p1' }, '2020-01-01T09:00:00Z'],
  [
    'protocol-pr1',
    'escalation-protocol-defined',
    { protocolId: 'pr1', name: 'Resolving professional disagreements', version: 1, stages },
    '2021-01-01T09:00:00Z',
  ],
  [
    'meeting-m0',
    'meeting-scheduled',
    { meetingId: 'm0', boardId: 'b1', scheduledFor: '2021-05-01T10:00:00Z' },
    '2021-04-01T09:00:00Z',
  ],
  [
    'action-a3',
    'action-raised',
    {
      actionId: 'a3',
      meetingId: 'm0',
      itemNumber: 1,
      text: 'Old exploitation action',
      owners: [{ kind: 'partner', partnerId: 'p1' }],
    },
    '2021-05-01T10:00:00Z',
  ],
  [
    'meeting-m1',
    'meeting-scheduled',
    { meetingId: 'm1', boardId: 'b1', scheduledFor: '2022-03-01T10:00:00Z' },
    '2022-02-01T09:00:00Z',
  ],
  [
    'meeting-m2',
    'meeting-scheduled',
    { meetingId: 'm2', boardId: 'b2', scheduledFor: '2022-06-01T10:00:00Z' },
    '2022-05-01T09:00:00Z',
  ],
  [
    'action-a1',
    'action-raised',
    {
      actionId: 'a1',
      meetingId: 'm1',
      itemNumber: 1,
      text: 'Review the Exploitation pathway',
      owners: [{ kind: 'person', personId: 'alice' }],
      dueDate: '2022-04-30',
    },
    '2022-03-01T10:00:00Z',
  ],
  ['action-a1', 'action-completed', { actionId: 'a1' }, '2022-04-01T10:00:00Z'],
  [
    'action-a2',
    'action-raised',
    {
      actionId: 'a2',
      meetingId: 'm2',
      itemNumber: 2,
      text: 'Audit the MASH  front door',
      owners: [{ kind: 'partner', partnerId: 'p2' }],
      dueDate: '2022-09-30',
    },
    '2022-06-01T10:00:00Z',
  ],
  [
    'decision-d1',
    'decision-recorded',
    {
      decisionId: 'd1',
      meetingId: 'm2',
      itemNumber: 3,
      outcome: 'approved',
      text: 'Fund the exploitation hub',
      conditions: [],
      budgetPence: 400_000,
      responsiblePartnerIds: ['p2'],
    },
    '2022-06-01T10:00:00Z',
  ],
  [
    'signoff-s1',
    'signoff-requested',
    {
      signoffId: 's1',
      decisionId: 'd1',
      requiredPartnerIds: ['p1'],
      artefact: {
        artefactId: 'hub-plan',
        kind: 'report',
        title: 'Hub plan',
        version: 'v1',
        contentHash: 'ab'.repeat(32),
      },
    },
    '2022-06-02T10:00:00Z',
  ],
  [
    'escalation-e1',
    'escalation-raised',
    {
      escalationId: 'e1',
      protocolId: 'pr1',
      protocolVersion: 1,
      stages,
      raisedByAgency: 'p1',
      concerningAgency: 'p2',
      subject: 'Strategy meeting not held',
      stage: 1,
      stageName: stages[0].name,
      timescaleWorkingDays: 2,
    },
    '2022-07-01T10:00:00Z',
  ],
  [
    'budget-2022-23',
    'budget-set',
    {
      financialYear: '2022-23',
      totalPence: 32_100_000,
      lines: [{ lineId: 'staff', name: 'Business unit staffing', amountPence: 20_000_000 }],
      allocatedPence: 20_000_000,
      unallocatedPence: 12_100_000,
    },
    '2022-04-01T09:00:00Z',
  ],
  [
    'budget-2022-23',
    'contribution-pledged',
    { financialYear: '2022-23', pledgeId: 'pl1', partnerId: 'p1', amountPence: 10_000_000, basis: 'agreed' },
    '2022-04-02T09:00:00Z',
  ],
  ['action-a2', 'action-progress-noted', { actionId: 'a2', note: 'Audit started' }, '2023-02-01T10:00:00Z'],
];

export async function syntheticLedger(): Promise<MemoryEventStore> {
  const store = new MemoryEventStore(new ManualClock(new Date('2023-03-01T09:00:00Z')));
  for (const [streamId, type, data, occurredAt] of ledgerRows) await put(store, streamId, type, data, occurredAt);
  return store;
}
