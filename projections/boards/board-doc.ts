import type { BoardKind, BoardMembership, DeputyArrangement, QuorumRuleInForce } from '../../src/partners';
import type { RecordTrail } from '../partners/record-history';

/** A group registered under a board (a subgroup or task-and-finish group), as its registration named it. */
export interface SubgroupLink {
  boardId: string;
  name: string;
  kind: BoardKind;
}

/**
 * A governance body that meets, and the groups that report to it: its members over time (seat,
 * partner, person, statutory or not), standing deputies and quorum rules. Who actually attended is
 * recorded meeting by meeting (the meetings read model, which judges quorum against these).
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
  /** Every membership, current (no `to`) and past, in the order added. */
  memberships: BoardMembership[];
  deputies: DeputyArrangement[];
  /** In the order set; the one in force on a date is the last whose `from` is on or before it. */
  quorumRules: QuorumRuleInForce[];
}

export const BOARD_KEY_PREFIX = 'board:';
export const boardKey = (boardId: string) => `${BOARD_KEY_PREFIX}${boardId}`;
