import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';

/** What kind of risk to the partnership's work it is; 'other' when none fits (the title says what). */
export const RISK_CATEGORIES = [
  'safeguarding-practice',
  'governance',
  'partnership',
  'financial',
  'performance',
  'workforce',
  'information',
  'reputational',
  'other',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** Likelihood and impact are each scored 1 (lowest) to 5 (highest); the score is their product (1-25). */
export const MIN_RATING = 1;
export const MAX_RATING = 5;

/**
 * Every date is a business date (YYYY-MM-DD). Title and description describe the risk to the
 * partnership, never a child, family or member of staff: the register holds no personal data.
 */
export interface RiskRecorded {
  riskId: string;
  ownerPartnerId: string;
  category: RiskCategory;
  title: string;
  description: string;
  identifiedOn: string;
  likelihood: number;
  impact: number;
  /** When the risk is next to be reviewed. */
  nextReviewDue?: string;
}

type Ev<T extends string, D> = DomainEvent<T, { riskId: string } & D>;

export type RiskEvent =
  | DomainEvent<'risk-recorded', RiskRecorded>
  | Ev<'risk-rescored', { scoredOn: string; likelihood: number; impact: number; reason: string }>
  | Ev<'risk-control-added', { controlId: string; addedOn: string; description: string }>
  | Ev<'risk-control-removed', { controlId: string; removedOn: string; reason: string }>
  /** A review: its outcome (e.g. "No new risks identified"), where it was held, and when the next is due. */
  | Ev<'risk-reviewed', { reviewedOn: string; outcome: string; meetingId?: string; nextReviewDue?: string }>
  | Ev<'risk-escalated', { escalatedOn: string; boardId: string; meetingId?: string; reason: string }>
  | Ev<'risk-closed', { closedOn: string; reason: string }>;

type Cmd<T extends string, D> = DomainCommand<T, { riskId: string } & D>;

/** The handler's findings about referenced records travel in the command, so the decider stays pure. */
type MeetingFound = { meetingId?: string; meetingExists?: boolean };

export type RiskCommand =
  | DomainCommand<'record-risk', RiskRecorded & { ownerRegistered: boolean }>
  | Cmd<'rescore-risk', { scoredOn: string; likelihood: number; impact: number; reason: string }>
  | Cmd<'add-risk-control', { controlId: string; addedOn: string; description: string }>
  | Cmd<'remove-risk-control', { controlId: string; removedOn: string; reason: string }>
  | Cmd<'review-risk', { reviewedOn: string; outcome: string; nextReviewDue?: string } & MeetingFound>
  | Cmd<
      'escalate-risk',
      { escalatedOn: string; boardId: string; boardRegistered: boolean; reason: string } & MeetingFound
    >
  | Cmd<'close-risk', { closedOn: string; reason: string }>;

export interface RiskState {
  exists: boolean;
  identifiedOn?: string;
  closed: boolean;
  /** Each control ever added, and whether it has since been removed. */
  controls: Record<string, { removed: boolean }>;
}
