import type { PlanStatus } from '../../src/assurance';
import type { Citation } from '../citations/citations';
import type { RecordTrail, Stamp } from '../partners/record-history';

/** A finding and what came of it: the partners it went to and the actions their plans put against it. */
export interface ThematicFindingEntry {
  findingId: string;
  text: string;
  partnerIds: string[];
  actionIds: string[];
}

export interface PlanUpdate {
  reportedOn: string;
  status: PlanStatus;
  summary: string;
}

/**
 * One partner's answer to the findings assigned to it: its own plan, moving on its own. `status` is
 * 'awaiting-plan' until the partner first reports; then what it last reported.
 */
export interface PartnerPlan {
  partnerId: string;
  findingIds: string[];
  actions: { findingId: string; actionId: string }[];
  status: PlanStatus | 'awaiting-plan';
  lastReportedOn?: string;
  updates: PlanUpdate[];
}

/** One strategic thematic review as recorded: business dates are YYYY-MM-DD. */
export interface ThematicReviewDoc extends RecordTrail {
  thematicReviewId: string;
  exists: boolean;
  title: string;
  openedOn?: string;
  areas: string[];
  boardId?: string;
  findings: ThematicFindingEntry[];
  /** One plan per partner some finding is assigned to, in the order they were first assigned. */
  plans: PartnerPlan[];
  completion?: { completedOn: string; summary: string };
  /** What came of it: the actions, decisions and sign-offs citing it (serves). */
  citedBy: Citation[];
  lastChange?: Stamp;
}

export const THEMATIC_REVIEW_KEY_PREFIX = 'thematic-review:';
export const thematicReviewKey = (id: string) => `${THEMATIC_REVIEW_KEY_PREFIX}${id}`;
