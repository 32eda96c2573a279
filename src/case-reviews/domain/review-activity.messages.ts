import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';

/**
 * One count of a period's review activity as an annual report states it: the total, its parts when
 * the report breaks it down, and a different figure the same report gives elsewhere (kept, not used).
 */
export interface ActivityCount {
  total: number;
  adult?: number;
  children?: number;
  joint?: number;
  /** The figure another part of the source states for the same count (e.g. 15 against a breakdown of 14). */
  statedElsewhere?: number;
}

/** Where in a source document a figure is stated. */
export interface ActivityCite {
  document: string;
  where: string;
}

/**
 * A board's review activity for a period (YYYY-YY) as its annual report states it: counts, not
 * invented case-review records, so what is recorded is exactly what the report says.
 */
export interface ReviewActivityRecorded {
  activityId: string;
  boardId: string;
  period: string;
  referrals: ActivityCount;
  rapidReviews: ActivityCount;
  fullReviews: ActivityCount;
  source: string;
  cites: ActivityCite[];
  notes: string[];
}

export type ReviewActivityEvent = DomainEvent<'review-activity-recorded', ReviewActivityRecorded>;

export type ReviewActivityCommand = DomainCommand<
  'record-review-activity',
  ReviewActivityRecorded & { boardRegistered: boolean }
>;

export interface ReviewActivityState {
  exists: boolean;
}
