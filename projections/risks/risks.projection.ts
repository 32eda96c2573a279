import { Risk, type RiskEvent } from '../../src/risks';
import type { DecodedEvent } from '../../src/ledger/event-registry';
import { stampOf } from '../partners/record-history';
import { recordRegister } from '../record-register';
import { subscribe, type SubscribedProjection } from '../subscription';
import { RISK_KEY_PREFIX, type RiskDoc } from './risk-doc';

const risks = subscribe(Risk, {
  'risk-recorded': 'handled',
  'risk-rescored': 'handled',
  'risk-control-added': 'handled',
  'risk-control-removed': 'handled',
  'risk-reviewed': 'handled',
  'risk-escalated': 'handled',
  'risk-closed': 'handled',
});

const newRisk = (riskId: string): RiskDoc => ({
  riskId,
  exists: false,
  ownerPartnerId: '',
  title: '',
  description: '',
  scores: [],
  controls: [],
  reviews: [],
  escalations: [],
  revision: -1,
  history: [],
});

type Change = [Partial<RiskDoc>, string];

const scoreOf = (scoredOn: string, likelihood: number, impact: number) => ({
  scoredOn,
  likelihood,
  impact,
  score: likelihood * impact,
});

/** What one event changes, and its history line. */
function change(doc: RiskDoc, event: DecodedEvent<RiskEvent>): Change {
  switch (event.type) {
    case 'risk-recorded': {
      const { riskId: _id, likelihood, impact, nextReviewDue, identifiedOn, ...recorded } = event.data;
      const first = scoreOf(identifiedOn, likelihood, impact);
      return [
        {
          ...recorded,
          identifiedOn,
          ...(nextReviewDue ? { firstReviewDue: nextReviewDue } : {}),
          scores: [first],
          exists: true,
          registered: stampOf(event),
        },
        `Recorded ${recorded.title} (${recorded.category}, ${recorded.ownerPartnerId}), scored ${first.score}`,
      ];
    }
    case 'risk-rescored': {
      const { scoredOn, likelihood, impact, reason } = event.data;
      const score = { ...scoreOf(scoredOn, likelihood, impact), reason };
      return [{ scores: [...doc.scores, score] }, `Rescored ${score.score} on ${scoredOn}`];
    }
    case 'risk-control-added': {
      const { riskId: _id, ...control } = event.data;
      return [{ controls: [...doc.controls, control] }, `Control ${control.controlId} added`];
    }
    case 'risk-control-removed': {
      const { controlId, removedOn, reason } = event.data;
      const controls = doc.controls.map((c) =>
        c.controlId === controlId ? { ...c, removedOn, removalReason: reason } : c,
      );
      return [{ controls }, `Control ${controlId} removed on ${removedOn}`];
    }
    case 'risk-reviewed': {
      const { riskId: _id, ...review } = event.data;
      const next = review.nextReviewDue ? `, next due ${review.nextReviewDue}` : '';
      return [{ reviews: [...doc.reviews, review] }, `Reviewed on ${review.reviewedOn}: ${review.outcome}${next}`];
    }
    case 'risk-escalated': {
      const { riskId: _id, ...escalation } = event.data;
      const at = escalation.meetingId ? ` (${escalation.meetingId})` : '';
      return [
        { escalations: [...doc.escalations, escalation] },
        `Escalated to ${escalation.boardId}${at} on ${escalation.escalatedOn}`,
      ];
    }
    case 'risk-closed': {
      const { closedOn, reason } = event.data;
      return [{ closure: { closedOn, reason } }, `Closed on ${closedOn}`];
    }
  }
}

/** The risk register: one document per risk with its scores over time (current score and overdue reviews are measured on read). */
export const risksProjection: SubscribedProjection<RiskDoc> = recordRegister(risks, {
  name: 'risks',
  version: 1,
  id: 'riskId',
  keyPrefix: RISK_KEY_PREFIX,
  newDoc: newRisk,
  change,
});
