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

/** How a board's quorum is judged: every statutory partner present or deputised, or a minimum count present. */
export const QUORUM_RULES = ['each-statutory-partner', 'minimum-count'] as const;
export type QuorumRuleKind = (typeof QUORUM_RULES)[number];

/** A named person in a seat on the board for a period (dates ISO yyyy-mm-dd; `to` is the last day held). */
export interface BoardMembership {
  seat: string;
  partnerId: string;
  personId: string;
  /** A statutory partner's seat (local authority, police, ICB): the each-statutory-partner rule counts these. */
  statutory: boolean;
  from: string;
  to?: string;
  /** Where the membership is recorded (e.g. the minutes' attendance list), in its own words. */
  source?: string;
}

/** A standing deputy for a seat, for a period: their attendance counts for the seat. */
export interface DeputyArrangement {
  seat: string;
  deputyPersonId: string;
  from: string;
  to?: string;
}

/** The quorum rule in force from a date until the next one. */
export interface QuorumRuleInForce {
  rule: QuorumRuleKind;
  /** With minimum-count: how many members (or their deputies) must attend. */
  minimum?: number;
  from: string;
  /** Where the rule comes from (terms of reference, or why it is assumed), in its own words. */
  source?: string;
}

export type BoardEvent =
  | DomainEvent<'board-registered', { boardId: string; name: string; kind: BoardKind; parentBoardId?: string }>
  | DomainEvent<'board-member-added', { boardId: string } & BoardMembership>
  | DomainEvent<'board-membership-ended', { boardId: string; seat: string; personId: string; to: string }>
  | DomainEvent<'board-deputy-arranged', { boardId: string } & DeputyArrangement>
  | DomainEvent<'board-quorum-rule-set', { boardId: string } & QuorumRuleInForce>;

/** Facts the handler reads from other aggregates before the decider runs. */
interface Registered {
  partnerExists?: boolean;
  personExists?: boolean;
}

export type BoardCommand =
  | DomainCommand<
      'register-board',
      { boardId: string; name: string; kind: BoardKind; parentBoardId?: string; parentExists?: boolean }
    >
  | DomainCommand<'add-board-member', { boardId: string } & BoardMembership & Registered>
  | DomainCommand<'end-board-membership', { boardId: string; seat: string; personId: string; to: string }>
  | DomainCommand<'arrange-board-deputy', { boardId: string } & DeputyArrangement & Pick<Registered, 'personExists'>>
  | DomainCommand<'set-board-quorum-rule', { boardId: string } & QuorumRuleInForce>;

export interface BoardState {
  exists: boolean;
  name?: string;
  kind?: BoardKind;
  /** The board a subgroup or task-and-finish group reports to. */
  parentBoardId?: string;
  /** Every membership, current and past, in the order added. */
  memberships: BoardMembership[];
  deputies: DeputyArrangement[];
  /** In the order set; the one in force on a date is the last whose `from` is on or before it. */
  quorumRules: QuorumRuleInForce[];
}
