import type { EscalationEvent } from '../../../src/escalations';
import type { StoredEvent } from '../../../src/ledger/event-envelope';
import { storedEventFactory } from '../../../src/ledger/testing/stored-events';
import { streamName } from '../../../src/ledger/stream-name';
import type { EscalationTrailDoc, EscalationTrailDocument } from '../escalation-trail-doc';
import { escalationTrailProjection as p } from '../escalation-trail.projection';

/** Builders for the escalation-trail specs: stored events with business times, and the documents they make. */
export const manager = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
export const icbRep = { userId: 'icb-rep', role: 'partner-representative', agency: 'cw-icb' };

export const STAGES = [
  { name: 'Practitioner to practitioner', timescaleWorkingDays: 2 },
  { name: 'Manager to manager', timescaleWorkingDays: 5 },
  { name: 'Senior manager', timescaleWorkingDays: 10 },
];

const factory = storedEventFactory({ step: 3 }); // positions increase but are not dense
export function stored(
  e: EscalationEvent | { type: string; data: unknown },
  occurredAt: string,
  actor = manager,
  streamId?: string,
): StoredEvent {
  const id = (e.data as { escalationId: string }).escalationId;
  return factory(streamId ?? streamName('escalation', id), e.type, e.data, occurredAt, actor);
}

export const raisedEvent = (
  escalationId: string,
  at: string,
  over: { raisedByAgency?: string; concerningAgency?: string } = {},
) =>
  stored(
    {
      type: 'escalation-raised',
      data: {
        escalationId,
        protocolId: 'ws-escalation-protocol',
        protocolVersion: 1,
        stages: STAGES,
        raisedByPersonId: 'amrita-sharma',
        raisedByAgency: over.raisedByAgency ?? 'warwickshire-cc',
        concerningAgency: over.concerningAgency ?? 'cw-icb',
        subject: 'Delay in a health assessment',
        caseReference: 'LCS-104233',
        stage: 1,
        stageName: STAGES[0].name,
        timescaleWorkingDays: STAGES[0].timescaleWorkingDays,
      },
    },
    at,
  );

export const escalatedEvent = (escalationId: string, fromStage: number, at: string) =>
  stored(
    {
      type: 'escalation-stage-escalated',
      data: {
        escalationId,
        fromStage,
        stage: fromStage + 1,
        stageName: STAGES[fromStage].name,
        timescaleWorkingDays: STAGES[fromStage].timescaleWorkingDays,
        reason: 'No reply in time',
      },
    },
    at,
  );

export const acknowledgedEvent = (escalationId: string, stage: number, at: string) =>
  stored(
    { type: 'escalation-acknowledged', data: { escalationId, agency: 'cw-icb', stage, note: 'Received' } },
    at,
    icbRep,
  );
export const responseEvent = (
  escalationId: string,
  stage: number,
  at: string,
  response = 'Assessment booked for 14 June',
) =>
  stored(
    { type: 'escalation-response-recorded', data: { escalationId, respondingAgency: 'cw-icb', stage, response } },
    at,
    icbRep,
  );
export const resolvedEvent = (escalationId: string, stage: number, at: string) =>
  stored(
    {
      type: 'escalation-resolved',
      data: { escalationId, stage, outcome: 'agreed', summary: 'Assessment date agreed' },
    },
    at,
  );
export const closedEvent = (escalationId: string, stage: number, at: string) =>
  stored({ type: 'escalation-closed', data: { escalationId, stage } }, at);

/** Given these events, the documents the projection holds, by key. */
export function given(...events: StoredEvent[]): Map<string, EscalationTrailDocument> {
  const docs = new Map<string, EscalationTrailDocument>();
  for (const e of events.filter((event) => p.canHandle(event))) {
    for (const key of p.keysOf(e)) docs.set(key, p.evolve(docs.get(key) ?? p.initialState(key), e));
  }
  return docs;
}
export const trail = (id: string, ...events: StoredEvent[]) =>
  given(...events).get(`escalation:${id}`) as EscalationTrailDoc;
