import type { PlanSource, PlanStatus, PlanTarget } from '../../src/forward-plan';
import type { RecordTrail, Stamp } from '../partners/record-history';

/** Where an item was planned before a move, and why it moved. */
export interface PlanMove {
  from: PlanTarget;
  to: PlanTarget;
  reason: string;
  movedAt: string;
}

/** One forward plan item as recorded: where it is planned now, where it was, and how it ended. */
export interface ForwardPlanDoc extends RecordTrail {
  itemId: string;
  exists: boolean;
  boardId?: string;
  title: string;
  from?: PlanSource;
  /** The meeting planned for, when one is set. */
  meetingId?: string;
  /** The month it falls in: its own, or its meeting's (YYYY-MM). */
  month?: string;
  status?: PlanStatus;
  moves: PlanMove[];
  dropped?: { reason: string; droppedAt: string };
  /** The agenda item that took it (GET /meetings/{meetingId}). */
  agenda?: { meetingId: string; agendaItem: number; takenAt: string };
  lastChange?: Stamp;
}

export const FORWARD_PLAN_KEY_PREFIX = 'forward-plan:';
export const forwardPlanKey = (itemId: string) => `${FORWARD_PLAN_KEY_PREFIX}${itemId}`;
