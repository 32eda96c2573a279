import type { DecisionEvent } from '../../src/decisions';
import { NO_REVISION } from '../record-revision';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import type { DecisionDoc, HistoryEntry, Stamp } from './decision-register-doc';
import { compact } from './compact';
import { summariseDecision, summariseSupersession } from './summaries';
import { decisions } from './subscriptions';

export function newDecision(decisionId: string): DecisionDoc {
  return {
    kind: 'decision',
    decisionId,
    revision: NO_REVISION,
    recorded: false,
    text: '',
    responsiblePartnerIds: [],
    conditions: [],
    status: 'in-force',
    supersedes: [],
    signoffIds: [],
    history: [],
  };
}

export const stampOf = (e: StoredEvent): Stamp => ({
  occurredAt: e.metadata.occurredAt,
  recordedAt: e.metadata.recordedAt,
  actor: e.metadata.actor,
});
export const entryOf = (e: StoredEvent, summary: string): HistoryEntry => ({
  type: e.type,
  ...stampOf(e),
  summary,
  streamId: e.streamId,
  eventId: e.id,
  position: e.position,
});

/** Fields a decision's own event sets on top of its history. */
function changes(doc: DecisionDoc, event: DecisionEvent, at: Stamp): Partial<DecisionDoc> {
  switch (event.type) {
    case 'decision-recorded': {
      const { meetingId, itemNumber, outcome, text, budgetPence, responsiblePartnerIds, conditions } = event.data;
      return {
        recorded: true,
        meetingId,
        itemNumber,
        outcome,
        text,
        budgetPence,
        responsiblePartnerIds,
        conditions: conditions.map((c) => ({ ...c, satisfied: false })),
        recordedAt: at,
      };
    }
    case 'decision-condition-satisfied': {
      const { conditionId, note } = event.data;
      return {
        conditions: doc.conditions.map((c) =>
          c.conditionId === conditionId ? { ...c, satisfied: true, satisfiedAt: at, note } : c,
        ),
      };
    }
    case 'decision-rescinded':
      return { status: 'rescinded', rescinded: { ...at, reason: event.data.reason } };
    case 'decision-superseded':
      return {
        status: 'superseded',
        superseded: { ...at, byDecisionId: event.data.supersededByDecisionId, reason: event.data.reason },
      };
  }
}

/**
 * A decision event, applied to the decision it names, or (for 'decision-superseded') to the
 * decision that replaced it, which records the link back so either end shows the chain.
 */
export function evolveDecision(doc: DecisionDoc, stored: StoredEvent): DecisionDoc {
  const event = decisions.decode(stored);
  if (event.type === 'decision-superseded' && event.data.decisionId !== doc.decisionId) {
    const supersedes = doc.supersedes.includes(event.data.decisionId)
      ? doc.supersedes
      : [...doc.supersedes, event.data.decisionId];
    return {
      ...doc,
      supersedes,
      history: [...doc.history, entryOf(stored, summariseSupersession(event.data.decisionId, event.data.reason))],
    };
  }
  return compact({
    ...doc,
    ...changes(doc, event, stampOf(stored)),
    history: [...doc.history, entryOf(stored, summariseDecision(event))],
  });
}

/** A sign-off requested for this decision: only the link is kept here, the sign-off has its own document. */
export function linkSignoff(doc: DecisionDoc, signoffId: string): DecisionDoc {
  return doc.signoffIds.includes(signoffId) ? doc : { ...doc, signoffIds: [...doc.signoffIds, signoffId] };
}
