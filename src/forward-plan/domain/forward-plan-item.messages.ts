/** The forward plan's commands, events and state: what its decider (forward-plan-item.ts) takes, emits and folds. */
import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';

/**
 * Where an item comes from: an action or a decision ("add to the forward plan for April 2023"), an
 * inspection recommendation's update, a case review, or something else (then `id` may be absent).
 */
export const SOURCE_KINDS = ['action', 'decision', 'inspection-recommendation', 'case-review', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export interface PlanSource {
  kind: SourceKind;
  id?: string;
}

/** When it is to come to the board: a scheduled meeting, or a month (YYYY-MM) before any meeting is set. */
export type PlanTarget = { meetingId: string } | { month: string };

export const PLAN_STATUSES = ['planned', 'moved', 'dropped', 'taken'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The target meeting as the handler loaded it from the meetings context. */
export interface MeetingFacts {
  exists: boolean;
  boardId?: string;
  /** ISO-8601 instant. */
  scheduledFor?: string;
  /** Closed after it was held, or cancelled: nothing more can be planned for it. */
  closed?: boolean;
  /** The agenda item numbers it holds. */
  itemNumbers?: number[];
}

type Ev<T extends string, D> = DomainEvent<T, { itemId: string } & D>;

/** `month` (YYYY-MM): the target's month, or the month its meeting is scheduled in, so a plan reads by month. */

export type ForwardPlanEvent =
  | Ev<
      'forward-plan-item-planned',
      { boardId: string; target: PlanTarget; month: string; title: string; from: PlanSource }
    >
  | Ev<'forward-plan-item-moved', { target: PlanTarget; month: string; previous: PlanTarget; reason: string }>
  | Ev<'forward-plan-item-dropped', { reason: string }>
  | Ev<'forward-plan-item-taken', { meetingId: string; month: string; agendaItem: number }>;

type Cmd<T extends string, D> = DomainCommand<T, { itemId: string } & D>;

export type ForwardPlanCommand =
  /** boardExists, sourceExists (undefined: not checkable), meeting: facts the handler loads. */
  | Cmd<
      'plan-item',
      {
        boardId: string;
        target: PlanTarget;
        title: string;
        from: PlanSource;
        boardExists: boolean;
        sourceExists?: boolean;
        meeting?: MeetingFacts;
      }
    >
  | Cmd<'move-item', { target: PlanTarget; reason: string; meeting?: MeetingFacts }>
  | Cmd<'drop-item', { reason: string }>
  | Cmd<'take-item', { meetingId: string; agendaItem: number; meeting: MeetingFacts }>;

export interface ForwardPlanState {
  exists: boolean;
  boardId?: string;
  target?: PlanTarget;
  status?: PlanStatus;
}
