import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';

/**
 * Where one partner's action plan in answer to a thematic review stands, as the partner last reported
 * it to the board ("reviewed and monitored by WSEB"): each partner's plan moves on its own.
 */
export const PLAN_STATUSES = ['drafting', 'agreed', 'in-progress', 'complete'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Every date below is a business date (YYYY-MM-DD): the day it happened, not when it was keyed. */
export interface ThematicReviewOpened {
  thematicReviewId: string;
  /** What the register calls it, e.g. 'Strategic Thematic Review: core safeguarding practice'. */
  title: string;
  openedOn: string;
  /** The key areas it looks into (the 2022 review: seven, from leadership to the voice of the child). */
  areas: string[];
  /** The board that commissioned and monitors it (partners context), when named. */
  boardId?: string;
}

type Ev<T extends string, D> = DomainEvent<T, { thematicReviewId: string } & D>;

export type ThematicReviewEvent =
  | DomainEvent<'thematic-review-opened', ThematicReviewOpened>
  | Ev<'thematic-finding-recorded', { findingId: string; text: string; partnerIds: string[] }>
  | Ev<'partner-plan-action-linked', { partnerId: string; findingId: string; actionId: string }>
  | Ev<'partner-plan-progress-recorded', { partnerId: string; reportedOn: string; status: PlanStatus; summary: string }>
  | Ev<'thematic-review-completed', { completedOn: string; summary: string }>;

type Cmd<T extends string, D> = DomainCommand<T, { thematicReviewId: string } & D>;

export type ThematicReviewCommand =
  /** boardRegistered: read by the handler from the partners context. */
  | DomainCommand<'open-thematic-review', ThematicReviewOpened & { boardRegistered: boolean }>
  /** unregisteredPartnerIds: the named partners the handler could not find in the partners context. */
  | Cmd<
      'record-thematic-finding',
      { findingId: string; text: string; partnerIds: string[]; unregisteredPartnerIds: string[] }
    >
  /** actionExists: read by the handler from the actions context. */
  | Cmd<'link-plan-action', { partnerId: string; findingId: string; actionId: string; actionExists: boolean }>
  | Cmd<'record-plan-progress', { partnerId: string; reportedOn: string; status: PlanStatus; summary: string }>
  | Cmd<'complete-thematic-review', { completedOn: string; summary: string }>;

export interface ThematicReviewState {
  exists: boolean;
  openedOn?: string;
  completed: boolean;
  /** The partners each finding is assigned to, by finding id. */
  findings: Record<string, string[]>;
  /** The actions in each partner's plan, and the finding each answers, by partner id. */
  planActions: Record<string, { findingId: string; actionId: string }[]>;
  /** Each partner's plan status as last reported (absent: nothing reported yet). */
  planStatus: Record<string, PlanStatus>;
}
