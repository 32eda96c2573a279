import { aggregateOf } from '../../ledger/aggregate';
import { unchanged, type Evolutions } from '../../shared/decider';
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import { close, linkAction, recordRecommendation, recordUpdate, setRag } from './inspection-recommendations';
import type { InspectionCommand, InspectionEvent, InspectionState } from './inspection.messages';

export * from './inspection.messages';

type Data<T extends InspectionCommand['type']> = Extract<InspectionCommand, { type: T }>['data'];

const initialState: InspectionState = { exists: false, partnerIds: [], recommendations: {} };

function record(data: Data<'record-inspection'>, state: InspectionState): InspectionEvent[] {
  const { unregisteredPartnerIds, ...recorded } = data;
  if (state.exists) throw new StateConflict('inspection-exists', `Inspection ${data.inspectionId} is already recorded`);
  if (recorded.body === 'other' && !recorded.bodyName)
    throw new RuleViolation('body-name-missing', 'Name the inspecting body when it is not one of the listed ones');
  const twice = recorded.partnerIds.find((id, i) => recorded.partnerIds.indexOf(id) !== i);
  if (twice) throw new RuleViolation('duplicate-partner', `Partner ${twice} is named twice`, { partnerId: twice });
  if (unregisteredPartnerIds.length > 0)
    throw new RuleViolation('partner-not-registered', `Not registered: ${unregisteredPartnerIds.join(', ')}`, {
      partnerIds: unregisteredPartnerIds,
    });
  if (recorded.fieldworkTo < recorded.fieldworkFrom)
    throw new RuleViolation('fieldwork-dates-reversed', 'Fieldwork ends on or after the day it starts');
  if (recorded.publishedOn < recorded.fieldworkTo)
    throw new RuleViolation('published-before-fieldwork', 'A report is published after its fieldwork ended');
  return [{ type: 'inspection-recorded', data: recorded }];
}

function decide(command: InspectionCommand, state: InspectionState): InspectionEvent[] {
  if (command.type === 'record-inspection') return record(command.data, state);
  if (!state.exists) throw new NotFound('Inspection', command.data.inspectionId);
  switch (command.type) {
    case 'record-recommendation':
      return recordRecommendation(command.data, state);
    case 'link-recommendation-action':
      return linkAction(command.data, state);
    case 'record-recommendation-update':
      return recordUpdate(command.data, state);
    case 'set-recommendation-rag':
      return setRag(command.data, state);
    case 'close-recommendation':
      return close(command.data, state);
  }
}

const evolutions: Evolutions<InspectionEvent, InspectionState> = {
  'inspection-recorded': (_, event) => ({
    ...initialState,
    exists: true,
    publishedOn: event.data.publishedOn,
    partnerIds: event.data.partnerIds,
  }),
  'inspection-recommendation-recorded': (state, event) => {
    const { recommendationId, ownerPartnerId, actionIds } = event.data;
    const rec = { ownerPartnerId, actionIds, closed: false };
    return { ...state, recommendations: { ...state.recommendations, [recommendationId]: rec } };
  },
  'recommendation-action-linked': (state, event) => {
    const { recommendationId, actionId } = event.data;
    const rec = state.recommendations[recommendationId];
    const linked = { ...rec, actionIds: [...rec.actionIds, actionId] };
    return { ...state, recommendations: { ...state.recommendations, [recommendationId]: linked } };
  },
  // Facts for the register alone: no later rule depends on them.
  'recommendation-update-recorded': unchanged,
  'recommendation-rag-set': unchanged,
  'recommendation-closed': (state, event) => {
    const { recommendationId } = event.data;
    const closed = { ...state.recommendations[recommendationId], closed: true };
    return { ...state, recommendations: { ...state.recommendations, [recommendationId]: closed } };
  },
};

/** An inspection of partner agencies and its recommendations, one stream per inspection. */
export const Inspection = aggregateOf(
  { category: 'inspection', name: 'Inspection' },
  { initialState, decide, evolutions },
);
