import type { Aggregate } from '../../ledger/aggregate';
import { eventCodec, v1 } from '../../ledger/event-codec';
import { RuleViolation, StateConflict } from '../../shared/domain-errors';
import type { BoardEvent, BoardCommand, BoardState } from './board.messages';

export * from './board.messages';

const initialState: BoardState = { exists: false };

function decide(command: BoardCommand, state: BoardState): BoardEvent[] {
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

function evolve(_state: BoardState, event: BoardEvent): BoardState {
  const { name, kind, parentBoardId } = event.data;
  return { exists: true, name, kind, ...(parentBoardId !== undefined ? { parentBoardId } : {}) };
}

export const Board: Aggregate<BoardCommand, BoardEvent, BoardState> = {
  category: 'board',
  name: 'Board',
  decider: { initialState, decide, evolve },
  codec: eventCodec<BoardEvent>(v1('board-registered')),
};
