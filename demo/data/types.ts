/**
 * Shapes of the project's demo data set.
 *
 * The data is derived from public minutes and annual reports of English safeguarding
 * partnerships (Warwickshire 2016-17, 2019-20 and 2022; Worcestershire 2019). Discussion is
 * paraphrased; only short titles and names are kept as written.
 *
 * Conventions:
 * - Every id is a stable, lower-case slug. People are NEVER keyed by initials: minutes reuse
 *   initials for different people (two "NP"s at Worcestershire; "JC" vs "JCol" at Warwickshire;
 *   "WSCB" is both Warwickshire's and Worcestershire's children's board). Initials are kept only
 *   as display data in `Person.initialsAsWritten`.
 * - Dates are ISO `YYYY-MM-DD` strings; a month-only target is `YYYY-MM`.
 * - Money is always integer pence (`...Pence` fields), never floating pounds.
 * - `notes` strings record where the source is ambiguous, inconsistent or was interpreted.
 *
 * Ids, partners, people, boards and attendance live in `types-base.ts`, meeting records in
 * `types-items.ts` and money / protocol shapes in `types-finance.ts` (all re-exported here): the
 * parts import the base, never this file, so no part imports another in a circle.
 */
import type { DemoAssuranceRecord } from './types-assurance';
import type { Board, Partner, PartnerSuccession, Person } from './types-base';
import type { Meeting, ReferencedMeeting } from './types-items';
import type { CarryForwardAccount, EscalationProtocol, FundingYear, ReviewActivity } from './types-finance';
import type { DemoCaseReview } from './types-case-reviews';
import type { BoardMember, BoardQuorumRule, DemoForwardPlanItem } from './types-members';

export * from './types-assurance';
export * from './types-base';
export * from './types-items';
export * from './types-finance';
export * from './types-case-reviews';
export * from './types-members';

export interface DemoData {
  partners: Partner[];
  partnerSuccessions: PartnerSuccession[];
  people: Person[];
  boards: Board[];
  /** Each board's members over time, from the minutes' attendance lists (issue 17 item 1). */
  boardMembers: BoardMember[];
  /** Each board's quorum rule (illustrative: the seeds state none). */
  quorumRules: BoardQuorumRule[];
  meetings: Meeting[];
  /** Thematic reviews and multi-agency audits (issue 16 item 5), each step citing its document. */
  assuranceRecords: DemoAssuranceRecord[];
  referencedMeetings: ReferencedMeeting[];
  funding: FundingYear[];
  carryForwards: CarryForwardAccount[];
  reviewActivity: ReviewActivity[];
  escalationProtocols: EscalationProtocol[];
  caseReviews: DemoCaseReview[];
  /** Items the minutes put on a board's forward plan for a month (no meeting is invented for it). */
  forwardPlan: DemoForwardPlanItem[];
}
