/** The board's commands, events and state: what its decider (board.ts) takes, emits and folds. */
import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';

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
