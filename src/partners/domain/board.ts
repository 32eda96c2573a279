import type { Aggregate, DomainCommand } from '../../ledger/aggregate';
import { eventCodec, v1 } from '../../ledger/event-codec';
import type { DomainEvent } from '../../shared/decider';
import { RuleViolation, StateConflict } from '../../shared/domain-errors';

/** A governance body that meets: the executive board, the wider partnership board, or a group under one. */
export const BOARD_KINDS = [
  'executive-board',
  'partnership-board',
  'subgroup',
  'task-and-finish-group',
  'other',
] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

export type BoardEvent = DomainEvent<
  'board-registered',
  { boardId: string; name: string; kind: BoardKind; parentBoardId?: string }
>;

export type BoardCommand = DomainCommand<
  'register-board',
  { boardId: string; name: string; kind: BoardKind; parentBoardId?: string; parentExists?: boolean }
>;

export interface BoardState {
  exists: boolean;
  name?: string;
  kind?: BoardKind;
  /** The board a subgroup or task-and-finish group reports to. */
  parentBoardId?: string;
}

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
