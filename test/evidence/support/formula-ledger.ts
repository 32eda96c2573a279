import { MemoryEventStore } from '../../../src/ledger/memory/memory-event-store';
import { put, syntheticLedger } from './synthetic-ledger';

/** Cell texts a spreadsheet would run as formulas (OWASP CSV injection), as the issue found them. */
export const FORMULAS = {
  actionText: "=cmd|' /C calc'!A0",
  decisionText: '+SUM(1+1)',
  otherDecisionText: "-2+3+cmd|' /C calc'!A0",
  escalationSubject: "@SUM(1+1)*cmd|' /C calc'!A0",
  partnerName: '\t=HYPERLINK("http://example.test")',
} as const;

/** Negative money (a clawback, say): the pack must still write it so a spreadsheet reads a number. */
export const NEGATIVE_PENCE = -2500;

/** The synthetic partnership plus records whose text starts like a formula, one with negative money. */
export async function formulaLedger(): Promise<MemoryEventStore> {
  const store = await syntheticLedger();
  await put(
    store,
    'partner-p3',
    'partner-registered',
    { partnerId: 'p3', name: FORMULAS.partnerName, kind: 'health', statutory: true },
    '2020-01-01T09:00:00Z',
  );
  await put(
    store,
    'action-a4',
    'action-raised',
    {
      actionId: 'a4',
      meetingId: 'm1',
      itemNumber: 2,
      text: FORMULAS.actionText,
      owners: [{ kind: 'partner', partnerId: 'p1' }],
      dueDate: '2022-05-30',
    },
    '2022-03-01T10:00:00Z',
  );
  await put(
    store,
    'decision-d2',
    'decision-recorded',
    {
      decisionId: 'd2',
      meetingId: 'm2',
      itemNumber: 4,
      outcome: 'approved',
      text: FORMULAS.decisionText,
      conditions: [],
      responsiblePartnerIds: ['p2'],
    },
    '2022-06-01T10:00:00Z',
  );
  await put(
    store,
    'decision-d3',
    'decision-recorded',
    {
      decisionId: 'd3',
      meetingId: 'm2',
      itemNumber: 5,
      outcome: 'approved',
      text: FORMULAS.otherDecisionText,
      conditions: [],
      budgetPence: NEGATIVE_PENCE,
      responsiblePartnerIds: ['p2'],
    },
    '2022-06-01T10:00:00Z',
  );
  await put(
    store,
    'escalation-e2',
    'escalation-raised',
    {
      escalationId: 'e2',
      protocolId: 'pr1',
      protocolVersion: 1,
      stages: [{ name: 'Practitioner to practitioner', timescaleWorkingDays: 2 }],
      raisedByAgency: 'p2',
      concerningAgency: 'p1',
      subject: FORMULAS.escalationSubject,
      stage: 1,
      stageName: 'Practitioner to practitioner',
      timescaleWorkingDays: 2,
    },
    '2022-07-02T10:00:00Z',
  );
  return store;
}
