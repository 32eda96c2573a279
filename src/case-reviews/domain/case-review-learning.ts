import { RuleViolation, StateConflict } from '../../shared/domain-errors';
import type { CaseReviewCommand, CaseReviewEvent, CaseReviewState } from './case-review.messages';

type Data<T extends CaseReviewCommand['type']> = Extract<CaseReviewCommand, { type: T }>['data'];

/**
 * What a review teaches and how it is spread: findings and recommendations, each tracked through
 * the actions that answer it, and the learning briefings (7-minute, lessons-learned) that carry it.
 */
export function recordFinding(data: Data<'record-finding'>, state: CaseReviewState): CaseReviewEvent[] {
  const { missingActionIds, ...finding } = data;
  if (state.findings[finding.findingId])
    throw new StateConflict('finding-exists', `${finding.findingId} is already recorded`);
  if (missingActionIds.length > 0)
    throw new RuleViolation('action-not-found', `No such action: ${missingActionIds.join(', ')}`, {
      actionIds: missingActionIds,
    });
  const twice = finding.actionIds.find((id, i) => finding.actionIds.indexOf(id) !== i);
  if (twice) throw new RuleViolation('duplicate-action', `Action ${twice} is named twice`, { actionId: twice });
  return [{ type: 'review-finding-recorded', data: finding }];
}

export function linkFindingAction(data: Data<'link-finding-action'>, state: CaseReviewState): CaseReviewEvent[] {
  const { actionExists, ...link } = data;
  const linked = state.findings[link.findingId];
  if (!linked) throw new RuleViolation('finding-not-found', `${link.caseReviewId} has no finding ${link.findingId}`);
  if (!actionExists) throw new RuleViolation('action-not-found', `No such action: ${link.actionId}`);
  if (linked.includes(link.actionId))
    throw new StateConflict('action-already-linked', `${link.actionId} already answers ${link.findingId}`);
  return [{ type: 'finding-action-linked', data: link }];
}

export function draftBriefing(data: Data<'draft-briefing'>, state: CaseReviewState): CaseReviewEvent[] {
  if (state.briefings[data.briefingId])
    throw new StateConflict('briefing-exists', `Briefing ${data.briefingId} is already drafted`);
  return [{ type: 'learning-briefing-drafted', data }];
}

function briefingStatus(state: CaseReviewState, caseReviewId: string, briefingId: string) {
  const status = state.briefings[briefingId];
  if (!status) throw new RuleViolation('briefing-not-found', `${caseReviewId} has no briefing ${briefingId}`);
  if (status === 'published')
    throw new StateConflict('briefing-already-published', `Briefing ${briefingId} is already published`);
  return status;
}

/** A briefing is put on hold with its reason (e.g. until the inquest): published later, or never. */
export function holdBriefing(data: Data<'hold-briefing'>, state: CaseReviewState): CaseReviewEvent[] {
  if (briefingStatus(state, data.caseReviewId, data.briefingId) === 'on-hold')
    throw new StateConflict('briefing-already-on-hold', `Briefing ${data.briefingId} is already on hold`);
  return [{ type: 'learning-briefing-held', data }];
}

/** Publishing says where it went: a briefing nobody was sent has not spread any learning. */
export function publishBriefing(data: Data<'publish-briefing'>, state: CaseReviewState): CaseReviewEvent[] {
  briefingStatus(state, data.caseReviewId, data.briefingId);
  if (data.disseminatedTo.length === 0)
    throw new RuleViolation('dissemination-missing', 'Name at least one place the briefing was disseminated');
  return [{ type: 'learning-briefing-published', data }];
}
