import { aggregateOf } from '../../ledger/aggregate';
import type { Evolutions } from '../../shared/decider';
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import { allRegistered, boardKnown, noneTwice, notBeforeOpening } from './assurance-rules';
import type { ThematicReviewCommand, ThematicReviewEvent, ThematicReviewState } from './thematic-review.messages';

export * from './thematic-review.messages';

type Data<T extends ThematicReviewCommand['type']> = Extract<ThematicReviewCommand, { type: T }>['data'];

const initialState: ThematicReviewState = {
  exists: false,
  completed: false,
  findings: {},
  planActions: {},
  planStatus: {},
};

function open(data: Data<'open-thematic-review'>, state: ThematicReviewState): ThematicReviewEvent[] {
  const { boardRegistered, ...opened } = data;
  if (state.exists)
    throw new StateConflict('thematic-review-exists', `Thematic review ${data.thematicReviewId} is already open`);
  boardKnown(opened.boardId, boardRegistered);
  return [{ type: 'thematic-review-opened', data: opened }];
}

/** A finding goes to the partners who must answer it: each then owes the board a plan that does. */
function recordFinding(data: Data<'record-thematic-finding'>, state: ThematicReviewState): ThematicReviewEvent[] {
  const { unregisteredPartnerIds, ...finding } = data;
  if (state.findings[finding.findingId])
    throw new StateConflict('finding-exists', `${finding.findingId} is already recorded`);
  if (finding.partnerIds.length === 0)
    throw new RuleViolation('finding-without-partner', 'A finding is assigned to at least one partner');
  noneTwice(finding.partnerIds, 'duplicate-partner');
  allRegistered(unregisteredPartnerIds);
  return [{ type: 'thematic-finding-recorded', data: finding }];
}

/** The partners some finding is assigned to: only they have a plan to keep. */
function planOwner(state: ThematicReviewState, partnerId: string): void {
  if (!Object.values(state.findings).some((partners) => partners.includes(partnerId)))
    throw new RuleViolation('partner-has-no-findings', `No finding of this review is assigned to ${partnerId}`);
}

function linkPlanAction(data: Data<'link-plan-action'>, state: ThematicReviewState): ThematicReviewEvent[] {
  const { actionExists, ...link } = data;
  const assigned = state.findings[link.findingId];
  if (!assigned) throw new RuleViolation('finding-not-found', `This review has no finding ${link.findingId}`);
  planOwner(state, link.partnerId);
  if (!assigned.includes(link.partnerId))
    throw new RuleViolation('finding-not-assigned', `${link.findingId} is not assigned to ${link.partnerId}`);
  if (!actionExists) throw new RuleViolation('action-not-found', `No such action: ${link.actionId}`);
  if ((state.planActions[link.partnerId] ?? []).some((a) => a.actionId === link.actionId))
    throw new StateConflict('action-already-linked', `${link.actionId} is already in ${link.partnerId}'s plan`);
  return [{ type: 'partner-plan-action-linked', data: link }];
}

function recordProgress(data: Data<'record-plan-progress'>, state: ThematicReviewState): ThematicReviewEvent[] {
  planOwner(state, data.partnerId);
  if (state.planStatus[data.partnerId] === 'complete')
    throw new StateConflict('plan-complete', `${data.partnerId}'s plan is already reported complete`);
  notBeforeOpening(state.openedOn!, data.reportedOn);
  return [{ type: 'partner-plan-progress-recorded', data }];
}

/** Complete once every partner a finding went to has reported its plan complete. */
function complete(data: Data<'complete-thematic-review'>, state: ThematicReviewState): ThematicReviewEvent[] {
  const partners = [...new Set(Object.values(state.findings).flat())];
  const unfinished = partners.filter((p) => state.planStatus[p] !== 'complete');
  if (partners.length === 0) throw new RuleViolation('no-findings', 'A review is completed on its findings');
  if (unfinished.length > 0)
    throw new RuleViolation('plans-not-complete', `Plans not yet complete: ${unfinished.join(', ')}`, {
      partnerIds: unfinished,
    });
  notBeforeOpening(state.openedOn!, data.completedOn);
  return [{ type: 'thematic-review-completed', data }];
}

function decide(command: ThematicReviewCommand, state: ThematicReviewState): ThematicReviewEvent[] {
  if (command.type === 'open-thematic-review') return open(command.data, state);
  if (!state.exists) throw new NotFound('Thematic review', command.data.thematicReviewId);
  if (state.completed) throw new StateConflict('thematic-review-completed', 'The thematic review is completed');
  switch (command.type) {
    case 'record-thematic-finding':
      return recordFinding(command.data, state);
    case 'link-plan-action':
      return linkPlanAction(command.data, state);
    case 'record-plan-progress':
      return recordProgress(command.data, state);
    case 'complete-thematic-review':
      return complete(command.data, state);
  }
}

const evolutions: Evolutions<ThematicReviewEvent, ThematicReviewState> = {
  'thematic-review-opened': (_, event) => ({ ...initialState, exists: true, openedOn: event.data.openedOn }),
  'thematic-finding-recorded': (state, event) => ({
    ...state,
    findings: { ...state.findings, [event.data.findingId]: event.data.partnerIds },
  }),
  'partner-plan-action-linked': (state, event) => {
    const { partnerId, findingId, actionId } = event.data;
    const plan = [...(state.planActions[partnerId] ?? []), { findingId, actionId }];
    return { ...state, planActions: { ...state.planActions, [partnerId]: plan } };
  },
  'partner-plan-progress-recorded': (state, event) => ({
    ...state,
    planStatus: { ...state.planStatus, [event.data.partnerId]: event.data.status },
  }),
  'thematic-review-completed': (state) => ({ ...state, completed: true }),
};

export const ThematicReview = aggregateOf(
  { category: 'thematicreview', name: 'Thematic review' },
  { initialState, decide, evolutions },
);
