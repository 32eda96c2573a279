import { aggregateOf } from '../../ledger/aggregate';
import type { Evolutions } from '../../shared/decider';
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import { checkServes } from '../../shared/serves';
import type { DecisionEvent, DecisionCommand, DecisionState } from './decision.messages';

export * from './decision.messages';

const initialState: DecisionState = { exists: false, status: 'in-force', conditions: {} };

function record(command: Extract<DecisionCommand, { type: 'record-decision' }>, state: DecisionState): DecisionEvent[] {
  const {
    meeting,
    unregisteredPartnerIds,
    missingServed,
    conditions = [],
    responsiblePartnerIds = [],
    ...rest
  } = command.data;
  const { serves, ...decision } = rest;
  if (state.exists) throw new StateConflict('decision-exists', `Decision ${decision.decisionId} is already recorded`);
  if (!meeting.exists)
    throw new RuleViolation('meeting-not-found', `Meeting ${decision.meetingId} does not exist`, {
      meetingId: decision.meetingId,
    });
  // Closed minutes are never reopened: a later decision belongs to a later meeting.
  if (meeting.closed)
    throw new StateConflict('meeting-closed', `Meeting ${decision.meetingId} is closed`, {
      meetingId: decision.meetingId,
    });
  if (!meeting.itemNumbers.includes(decision.itemNumber)) {
    throw new RuleViolation(
      'agenda-item-not-found',
      `Meeting ${decision.meetingId} has no item ${decision.itemNumber}`,
      { itemNumber: decision.itemNumber },
    );
  }
  if (unregisteredPartnerIds.length > 0) {
    throw new RuleViolation('partner-not-registered', `Not registered: ${unregisteredPartnerIds.join(', ')}`, {
      partnerIds: unregisteredPartnerIds,
    });
  }
  const ids = conditions.map((c) => c.conditionId);
  if (new Set(ids).size !== ids.length)
    throw new RuleViolation('duplicate-condition-id', 'Each condition needs its own id');
  checkServes(serves, missingServed);
  const cited = serves ? { serves } : {};
  return [{ type: 'decision-recorded', data: { ...decision, conditions, responsiblePartnerIds, ...cited } }];
}

function decide(command: DecisionCommand, state: DecisionState): DecisionEvent[] {
  if (command.type === 'record-decision') return record(command, state);
  const { decisionId } = command.data;
  if (!state.exists) throw new NotFound('Decision', decisionId);
  // A rescinded or superseded decision is history: it can only be read, never changed.
  if (state.status !== 'in-force')
    throw new RuleViolation(`decision-${state.status}`, `Decision ${decisionId} was ${state.status}`);
  switch (command.type) {
    case 'satisfy-decision-condition': {
      const condition = state.conditions[command.data.conditionId];
      if (!condition)
        throw new RuleViolation(
          'condition-not-found',
          `Decision ${decisionId} has no condition ${command.data.conditionId}`,
        );
      if (condition.satisfied)
        throw new StateConflict(
          'condition-already-satisfied',
          `Condition ${command.data.conditionId} is already satisfied`,
        );
      return [{ type: 'decision-condition-satisfied', data: command.data }];
    }
    case 'rescind-decision':
      return [{ type: 'decision-rescinded', data: command.data }];
    case 'supersede-decision': {
      const { supersedingExists, ...data } = command.data;
      if (data.supersededByDecisionId === decisionId)
        throw new RuleViolation('decision-supersedes-itself', 'A decision cannot supersede itself');
      if (!supersedingExists) {
        throw new RuleViolation(
          'superseding-decision-not-found',
          `Decision ${data.supersededByDecisionId} does not exist`,
          { decisionId: data.supersededByDecisionId },
        );
      }
      return [{ type: 'decision-superseded', data }];
    }
  }
}

const evolutions: Evolutions<DecisionEvent, DecisionState> = {
  'decision-recorded': (_, event) => ({
    exists: true,
    status: 'in-force',
    conditions: Object.fromEntries(
      event.data.conditions.map((c) => [c.conditionId, { text: c.text, satisfied: false }]),
    ),
  }),
  'decision-condition-satisfied': (state, event) => {
    const condition = state.conditions[event.data.conditionId];
    return {
      ...state,
      conditions: { ...state.conditions, [event.data.conditionId]: { ...condition, satisfied: true } },
    };
  },
  'decision-rescinded': (state) => ({ ...state, status: 'rescinded' }),
  'decision-superseded': (state) => ({ ...state, status: 'superseded' }),
};

export const Decision = aggregateOf({ category: 'decision', name: 'Decision' }, { initialState, decide, evolutions });
