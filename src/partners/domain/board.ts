import { aggregateOf } from '../../ledger/aggregate';
import type { Evolutions } from '../../shared/decider';
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import { addMember, arrangeDeputy, endMembership, evolveMembership, setQuorumRule } from './board-membership';
import type { BoardEvent, BoardCommand, BoardState } from './board.messages';

export * from './board.messages';

const initialState: BoardState = { exists: false, memberships: [], deputies: [], quorumRules: [] };

function decide(command: BoardCommand, state: BoardState): BoardEvent[] {
  if (command.type === 'register-board') return register(command, state);
  if (!state.exists) throw new NotFound('Board', command.data.boardId);
  switch (command.type) {
    case 'add-board-member':
      return addMember(command, state);
    case 'end-board-membership':
      return endMembership(command, state);
    case 'arrange-board-deputy':
      return arrangeDeputy(command, state);
    case 'set-board-quorum-rule':
      return setQuorumRule(command);
  }
}

function register(command: Extract<BoardCommand, { type: 'register-board' }>, state: BoardState): BoardEvent[] {
  const { boardId, name, kind, parentBoardId, parentExists } = command.data;
  if (state.exists) throw new StateConflict('board-exists', `Board ${boardId} is already registered`, { boardId });
  if (parentBoardId !== undefined) {
    if (parentBoardId === boardId)
      throw new RuleViolation('parent-board-is-self', 'A board cannot report to itself', { boardId });
    if (!parentExists)
      throw new RuleViolation('parent-board-not-registered', `Parent board ${parentBoardId} is not registered`, {
        parentBoardId,
      });
  }
  return [
    {
      type: 'board-registered',
      data: { boardId, name, kind, ...(parentBoardId !== undefined ? { parentBoardId } : {}) },
    },
  ];
}

const evolutions: Evolutions<BoardEvent, BoardState> = {
  'board-registered': (state, event) => {
    const { name, kind, parentBoardId } = event.data;
    return { ...state, exists: true, name, kind, ...(parentBoardId !== undefined ? { parentBoardId } : {}) };
  },
  // Membership is folded by the rules the quorum read model folds it by, too.
  'board-member-added': evolveMembership,
  'board-membership-ended': evolveMembership,
  'board-deputy-arranged': evolveMembership,
  'board-quorum-rule-set': evolveMembership,
};

export const Board = aggregateOf({ category: 'board', name: 'Board' }, { initialState, decide, evolutions });
