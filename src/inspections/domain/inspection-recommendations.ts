import { addMonths } from '../../shared/calendar-months';
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import type {
  InspectionCommand,
  InspectionEvent,
  InspectionState,
  NextUpdate,
  RecommendationState,
} from './inspection.messages';

type Data<T extends InspectionCommand['type']> = Extract<InspectionCommand, { type: T }>['data'];

/**
 * A recommendation's life after the report: who owns it, the actions that answer it, dated progress
 * updates each naming when the next is due, its RAG status over time, and closure on cited evidence.
 */

/** Nothing is done about a recommendation before the report that made it was published. */
function notBeforePublication(state: InspectionState, date: string): void {
  if (date < state.publishedOn!)
    throw new RuleViolation(
      'date-before-publication',
      `${date} is before the report was published (${state.publishedOn})`,
    );
}

/**
 * The next update's due date, stored as a date: given, or counted in calendar months from `from`
 * (publication for the first, the update's own date after). It must fall after the date it counts from.
 */
export function nextUpdateDue(
  next: NextUpdate | undefined,
  from: string,
): { nextUpdateDue?: string; dueWithinMonths?: number } {
  if (next === undefined) return {};
  const due = 'dueOn' in next ? next.dueOn : addMonths(from, next.withinMonths);
  if (due <= from)
    throw new RuleViolation('next-update-not-after', `The next update (${due}) must be due after ${from}`, { due });
  return 'dueOn' in next ? { nextUpdateDue: due } : { nextUpdateDue: due, dueWithinMonths: next.withinMonths };
}

function duplicateOf(ids: string[]): string | undefined {
  return ids.find((id, i) => ids.indexOf(id) !== i);
}

export function recordRecommendation(data: Data<'record-recommendation'>, state: InspectionState): InspectionEvent[] {
  const { missingActionIds, nextUpdate, ...rec } = data;
  if (state.recommendations[rec.recommendationId])
    throw new StateConflict('recommendation-exists', `${rec.recommendationId} is already recorded`);
  if (!state.partnerIds.includes(rec.ownerPartnerId))
    throw new RuleViolation('partner-not-inspected', `${rec.ownerPartnerId} was not one of the agencies inspected`, {
      partnerId: rec.ownerPartnerId,
    });
  if (missingActionIds.length > 0)
    throw new RuleViolation('action-not-found', `No such action: ${missingActionIds.join(', ')}`, {
      actionIds: missingActionIds,
    });
  const twice = duplicateOf(rec.actionIds);
  if (twice) throw new RuleViolation('duplicate-action', `Action ${twice} is named twice`, { actionId: twice });
  return [
    { type: 'inspection-recommendation-recorded', data: { ...rec, ...nextUpdateDue(nextUpdate, state.publishedOn!) } },
  ];
}

/** The recommendation addressed; a closed one takes no more updates, RAG changes or actions. */
function openRecommendation(state: InspectionState, recommendationId: string): RecommendationState {
  const rec = state.recommendations[recommendationId];
  if (!rec) throw new NotFound('Recommendation', recommendationId);
  if (rec.closed) throw new StateConflict('recommendation-closed', `${recommendationId} is closed`);
  return rec;
}

export function linkAction(data: Data<'link-recommendation-action'>, state: InspectionState): InspectionEvent[] {
  const { actionExists, ...link } = data;
  const rec = openRecommendation(state, link.recommendationId);
  if (!actionExists) throw new RuleViolation('action-not-found', `No such action: ${link.actionId}`);
  if (rec.actionIds.includes(link.actionId))
    throw new StateConflict('action-already-linked', `${link.actionId} already answers ${link.recommendationId}`);
  return [{ type: 'recommendation-action-linked', data: link }];
}

export function recordUpdate(data: Data<'record-recommendation-update'>, state: InspectionState): InspectionEvent[] {
  const { nextUpdate, ...update } = data;
  openRecommendation(state, update.recommendationId);
  notBeforePublication(state, update.updatedOn);
  return [
    { type: 'recommendation-update-recorded', data: { ...update, ...nextUpdateDue(nextUpdate, update.updatedOn) } },
  ];
}

export function setRag(data: Data<'set-recommendation-rag'>, state: InspectionState): InspectionEvent[] {
  openRecommendation(state, data.recommendationId);
  notBeforePublication(state, data.setOn);
  return [{ type: 'recommendation-rag-set', data }];
}

/** Closing says what shows it is done: at least one ledger record, each found as cited. */
export function close(data: Data<'close-recommendation'>, state: InspectionState): InspectionEvent[] {
  const { unverifiedEvidence, ...closure } = data;
  openRecommendation(state, closure.recommendationId);
  notBeforePublication(state, closure.closedOn);
  if (closure.evidence.length === 0)
    throw new RuleViolation('closure-evidence-missing', 'Cite at least one ledger record as the evidence for closing');
  if (unverifiedEvidence.length > 0)
    throw new RuleViolation(
      'evidence-not-found',
      `Not in the ledger as cited: ${unverifiedEvidence.map((e) => `${e.streamId}@${e.revision}`).join(', ')}`,
      { evidence: unverifiedEvidence },
    );
  return [{ type: 'recommendation-closed', data: closure }];
}
