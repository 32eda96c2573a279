import { aggregateOf } from '../../ledger/aggregate';
import { unchanged, type Evolutions } from '../../shared/decider';
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import { MAX_RATING, MIN_RATING, type RiskCommand, type RiskEvent, type RiskState } from './risk.messages';

export * from './risk.messages';

type Data<T extends RiskCommand['type']> = Extract<RiskCommand, { type: T }>['data'];

const initialState: RiskState = { exists: false, closed: false, controls: {} };

/** The API validates ratings first; restated here so no caller can store a score outside 1-25. */
function ratings(likelihood: number, impact: number): void {
  const fits = (n: number) => Number.isInteger(n) && n >= MIN_RATING && n <= MAX_RATING;
  if (!fits(likelihood) || !fits(impact))
    throw new RuleViolation('rating-out-of-range', `Likelihood and impact are each ${MIN_RATING}-${MAX_RATING}`);
}

/** Nothing happens to a risk before the day it was identified. */
function notBeforeIdentified(state: RiskState, date: string): void {
  if (date < state.identifiedOn!)
    throw new RuleViolation(
      'date-before-identified',
      `${date} is before the risk was identified (${state.identifiedOn})`,
    );
}

function nextReviewAfter(due: string | undefined, from: string): void {
  if (due !== undefined && due <= from)
    throw new RuleViolation('next-review-not-after', `The next review (${due}) must be due after ${from}`, { due });
}

function meetingFound({ meetingId, meetingExists }: { meetingId?: string; meetingExists?: boolean }): void {
  if (meetingId !== undefined && meetingExists !== true)
    throw new RuleViolation('meeting-not-found', `No such meeting: ${meetingId}`, { meetingId });
}

function record(data: Data<'record-risk'>, state: RiskState): RiskEvent[] {
  const { ownerRegistered, ...recorded } = data;
  if (state.exists) throw new StateConflict('risk-exists', `Risk ${data.riskId} is already recorded`);
  if (!ownerRegistered)
    throw new RuleViolation('partner-not-registered', `Not registered: ${recorded.ownerPartnerId}`, {
      partnerId: recorded.ownerPartnerId,
    });
  ratings(recorded.likelihood, recorded.impact);
  nextReviewAfter(recorded.nextReviewDue, recorded.identifiedOn);
  return [{ type: 'risk-recorded', data: recorded }];
}

function onOpenRisk(
  command: Exclude<RiskCommand, { type: 'record-risk' | 'close-risk' }>,
  state: RiskState,
): RiskEvent[] {
  switch (command.type) {
    case 'rescore-risk': {
      const { data } = command;
      notBeforeIdentified(state, data.scoredOn);
      ratings(data.likelihood, data.impact);
      return [{ type: 'risk-rescored', data }];
    }
    case 'add-risk-control': {
      const { data } = command;
      notBeforeIdentified(state, data.addedOn);
      if (state.controls[data.controlId])
        throw new StateConflict('control-exists', `Control ${data.controlId} is already recorded on this risk`);
      return [{ type: 'risk-control-added', data }];
    }
    case 'remove-risk-control': {
      const { data } = command;
      notBeforeIdentified(state, data.removedOn);
      const control = state.controls[data.controlId];
      if (!control) throw new NotFound('Control', data.controlId);
      if (control.removed) throw new StateConflict('control-removed', `Control ${data.controlId} is already removed`);
      return [{ type: 'risk-control-removed', data }];
    }
    case 'review-risk': {
      const { meetingExists: _found, ...review } = command.data;
      notBeforeIdentified(state, review.reviewedOn);
      meetingFound(command.data);
      nextReviewAfter(review.nextReviewDue, review.reviewedOn);
      return [{ type: 'risk-reviewed', data: review }];
    }
    case 'escalate-risk': {
      const { meetingExists: _found, boardRegistered, ...escalation } = command.data;
      notBeforeIdentified(state, escalation.escalatedOn);
      if (!boardRegistered)
        throw new RuleViolation('board-not-registered', `No such board: ${escalation.boardId}`, {
          boardId: escalation.boardId,
        });
      meetingFound(command.data);
      return [{ type: 'risk-escalated', data: escalation }];
    }
  }
}

function decide(command: RiskCommand, state: RiskState): RiskEvent[] {
  if (command.type === 'record-risk') return record(command.data, state);
  if (!state.exists) throw new NotFound('Risk', command.data.riskId);
  if (command.type === 'close-risk') {
    if (state.closed) throw new StateConflict('risk-already-closed', `Risk ${command.data.riskId} is already closed`);
    notBeforeIdentified(state, command.data.closedOn);
    return [{ type: 'risk-closed', data: command.data }];
  }
  if (state.closed)
    throw new StateConflict('risk-closed', `Risk ${command.data.riskId} is closed: it takes no more changes`);
  return onOpenRisk(command, state);
}

const evolutions: Evolutions<RiskEvent, RiskState> = {
  'risk-recorded': (_, event) => ({ ...initialState, exists: true, identifiedOn: event.data.identifiedOn }),
  'risk-control-added': (state, event) => ({
    ...state,
    controls: { ...state.controls, [event.data.controlId]: { removed: false } },
  }),
  'risk-control-removed': (state, event) => ({
    ...state,
    controls: { ...state.controls, [event.data.controlId]: { removed: true } },
  }),
  'risk-closed': (state) => ({ ...state, closed: true }),
  // Facts for the register alone: no later rule depends on them.
  'risk-rescored': unchanged,
  'risk-reviewed': unchanged,
  'risk-escalated': unchanged,
};

/**
 * A risk on the partnership's risk register, one stream per risk: its owner agency, likelihood and
 * impact scored over time, controls, reviews, escalation to a board, and closure.
 */
export const Risk = aggregateOf({ category: 'risk', name: 'Risk' }, { initialState, decide, evolutions });
