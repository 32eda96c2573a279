import type { BoardKind } from '../../src/partners';
import type { RecordTrail } from '../partners/record-history';

/** A group registered under a board (a subgroup or task-and-finish group), as its registration named it. */
export interface SubgroupLink {
  boardId: string;
  name: string;
  kind: BoardKind;
}

/**
 * A governance body that meets, and the groups that report to it. The ledger records a board's
 * name, kind and parent only: who attends is recorded meeting by meeting (the meetings read model).
 */
export interface BoardDoc extends RecordTrail {
  boardId: string;
  exists: boolean;
  name: string;
  kind?: BoardKind;
  /** The board this one reports to. */
  parentBoardId?: string;
  /** Groups registered under it, in the order they were registered. */
  subgroups: SubgroupLink[];
}

export const BOARD_KEY_PREFIX = 'board:';
export const boardKey = (boardId: string) => `${BOARD_KEY_PREFIX}${boardId}`;
