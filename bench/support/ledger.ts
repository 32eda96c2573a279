import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ActionEvent } from '../../src/actions';
import type { DecisionEvent } from '../../src/decisions';
import type { EscalationEvent } from '../../src/escalations';
import type { Actor, NewEvent } from '../../src/ledger/event-envelope';
import type { ArtefactVersion, SignoffEvent } from '../../src/signoffs';
import type { EventStore } from '../../src/ledger/event-store.port';

/**
 * Reads the whole log in pages of `pageSize`, as a catch-up subscription reads it: how many events,
 * the last position (-1 for an empty log) and the rate (the raw read every rebuild is compared with).
 */
export async function scanLog(
  store: Pick<EventStore, 'readAll'>,
  pageSize: number,
): Promise<{ count: number; head: number; eventsPerSecond: number }> {
  const start = performance.now();
  let count = 0;
  let head = -1;
  for (let after: number | undefined; ;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    count += page.length;
    if (page.length > 0) head = after = page[page.length - 1].position;
    if (page.length < pageSize) break;
  }
  return { count, head, eventsPerSecond: count / ((performance.now() - start) / 1000) };
}

/** A generated event as a command would append it: a fresh id, correlated to itself, by `actorOf(id)`. */
export function newEvent(
  e: { type: string; data: unknown },
  occurredAt: string,
  actorOf: (id: string) => Actor,
): NewEvent {
  const id = randomUUID();
  return {
    id,
    type: e.type,
    schemaVersion: 1,
    data: e.data,
    metadata: { actor: actorOf(id), correlationId: id, causationId: id, occurredAt },
  };
}

/** Generated governance records whose shape both generators (projections, packs) share. */
export const generated = {
  /** An annual report signed off by `partnerIds`: requested, signed by each, completed; `link` ties it to a decision. */
  signoff(
    signoffId: string,
    artefactId: string,
    partnerIds: string[],
    link: { decisionId?: string; meetingId?: string } = {},
  ): SignoffEvent[] {
    const artefact: ArtefactVersion = {
      artefactId,
      kind: 'report',
      title: 'Annual report',
      version: 'v1',
      contentHash: 'ab'.repeat(32),
    };
    return [
      { type: 'signoff-requested', data: { signoffId, ...link, artefact, requiredPartnerIds: partnerIds } },
      ...partnerIds.map((partnerId): SignoffEvent => ({
        type: 'signoff-signed',
        data: { signoffId, partnerId, version: artefact.version, contentHash: artefact.contentHash },
      })),
      {
        type: 'signoff-completed',
        data: {
          signoffId,
          version: artefact.version,
          contentHash: artefact.contentHash,
          partnerIds,
          subjectToConditions: false,
        },
      },
    ];
  },

  /** An escalation raised at stage 1 of a two-stage protocol, acknowledged and resolved there. */
  escalation(
    escalationId: string,
    o: {
      protocolId: string;
      raisedByAgency: string;
      concerningAgency: string;
      subject: string;
      acknowledgedBy: string;
    },
  ): EscalationEvent[] {
    return [
      {
        type: 'escalation-raised',
        data: {
          escalationId,
          protocolId: o.protocolId,
          protocolVersion: 1,
          stages: ESCALATION_STAGES,
          raisedByAgency: o.raisedByAgency,
          concerningAgency: o.concerningAgency,
          subject: o.subject,
          stage: 1,
          stageName: ESCALATION_STAGES[0].name,
          timescaleWorkingDays: ESCALATION_STAGES[0].timescaleWorkingDays,
        },
      },
      { type: 'escalation-acknowledged', data: { escalationId, agency: o.acknowledgedBy, stage: 1 } },
      {
        type: 'escalation-resolved',
        data: { escalationId, stage: 1, outcome: 'agreed', summary: 'Assessment date agreed' },
      },
    ];
  },

  /** A decision at item `itemNumber` with no conditions, one partner responsible. */
  decisionRecorded(
    decisionId: string,
    meetingId: string,
    itemNumber: number,
    outcome: 'approved' | 'agreed' | 'noted',
    text: string,
    responsiblePartnerId: string,
    budgetPence?: number,
  ): DecisionEvent {
    return {
      type: 'decision-recorded',
      data: {
        decisionId,
        meetingId,
        itemNumber,
        outcome,
        text,
        conditions: [],
        ...(budgetPence === undefined ? {} : { budgetPence }),
        responsiblePartnerIds: [responsiblePartnerId],
      },
    };
  },

  actionRaised(
    actionId: string,
    meetingId: string,
    itemNumber: number,
    text: string,
    personId: string,
    dueDate: string,
  ): ActionEvent {
    return {
      type: 'action-raised',
      data: { actionId, meetingId, itemNumber, text, owners: [{ kind: 'person', personId }], dueDate },
    };
  },
};

export const ESCALATION_STAGES = [
  { name: 'Practitioner to practitioner', timescaleWorkingDays: 2 },
  { name: 'Manager to manager', timescaleWorkingDays: 5 },
];
