import { ThematicReview, type ThematicReviewEvent } from '../../src/assurance';
import type { DecodedEvent } from '../../src/ledger/event-registry';
import { stampOf } from '../partners/record-history';
import { citedRecordRegister } from '../record-register';
import { subscribe, type SubscribedProjection } from '../subscription';
import { THEMATIC_REVIEW_KEY_PREFIX, type PartnerPlan, type ThematicReviewDoc } from './thematic-review-doc';

const reviews = subscribe(ThematicReview, {
  'thematic-review-opened': 'handled',
  'thematic-finding-recorded': 'handled',
  'partner-plan-action-linked': 'handled',
  'partner-plan-progress-recorded': 'handled',
  'thematic-review-completed': 'handled',
});

const newReview = (thematicReviewId: string): ThematicReviewDoc => ({
  thematicReviewId,
  exists: false,
  title: '',
  areas: [],
  findings: [],
  plans: [],
  citedBy: [],
  revision: -1,
  history: [],
});

const newPlan = (partnerId: string): PartnerPlan => ({
  partnerId,
  findingIds: [],
  actions: [],
  status: 'awaiting-plan',
  updates: [],
});

/** The plans with `partnerId`'s changed (created when a finding is first assigned to it). */
function withPlan(doc: ThematicReviewDoc, partnerId: string, to: (plan: PartnerPlan) => PartnerPlan): PartnerPlan[] {
  const known = doc.plans.some((p) => p.partnerId === partnerId);
  const plans = known ? doc.plans : [...doc.plans, newPlan(partnerId)];
  return plans.map((p) => (p.partnerId === partnerId ? to(p) : p));
}

type Change = [Partial<ThematicReviewDoc>, string];

function change(doc: ThematicReviewDoc, event: DecodedEvent<ThematicReviewEvent>): Change {
  switch (event.type) {
    case 'thematic-review-opened': {
      const { title, openedOn, areas, boardId } = event.data;
      const opened = { exists: true, title, openedOn, areas, ...(boardId ? { boardId } : {}) };
      return [{ ...opened, registered: stampOf(event) }, `Opened ${title}`];
    }
    case 'thematic-finding-recorded': {
      const { findingId, text, partnerIds } = event.data;
      let next = { ...doc };
      for (const partnerId of partnerIds)
        next = {
          ...next,
          plans: withPlan(next, partnerId, (p) => ({ ...p, findingIds: [...p.findingIds, findingId] })),
        };
      const findings = [...doc.findings, { findingId, text, partnerIds, actionIds: [] }];
      return [{ findings, plans: next.plans }, `Finding ${findingId} assigned to ${partnerIds.join(', ')}`];
    }
    case 'partner-plan-action-linked': {
      const { partnerId, findingId, actionId } = event.data;
      const plans = withPlan(doc, partnerId, (p) => ({ ...p, actions: [...p.actions, { findingId, actionId }] }));
      const findings = doc.findings.map((f) =>
        f.findingId === findingId ? { ...f, actionIds: [...f.actionIds, actionId] } : f,
      );
      return [{ plans, findings }, `Action ${actionId} in ${partnerId}'s plan answers ${findingId}`];
    }
    case 'partner-plan-progress-recorded': {
      const { partnerId, reportedOn, status, summary } = event.data;
      const plans = withPlan(doc, partnerId, (p) => ({
        ...p,
        status,
        lastReportedOn: reportedOn,
        updates: [...p.updates, { reportedOn, status, summary }],
      }));
      return [{ plans }, `${partnerId}'s plan: ${status} (${reportedOn})`];
    }
    case 'thematic-review-completed': {
      const { completedOn, summary } = event.data;
      return [{ completion: { completedOn, summary } }, `Completed on ${completedOn}`];
    }
  }
}

/** The thematic reviews register: each review, its findings with what came of them, and every partner's plan. */
export const thematicReviewsProjection: SubscribedProjection<ThematicReviewDoc> = citedRecordRegister(reviews, {
  name: 'thematic-reviews',
  // 2: citedBy (issue 16, traceability).
  version: 2,
  id: 'thematicReviewId',
  keyPrefix: THEMATIC_REVIEW_KEY_PREFIX,
  newDoc: newReview,
  change,
  root: 'thematic-review',
});
