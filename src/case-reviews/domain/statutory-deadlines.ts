import type { CaseReviewType } from './case-review.messages';

/**
 * The statutory clocks a case review runs against, as dated, versioned configuration: a pure table,
 * never a constant inside a rule. A review is measured by the version in force on the day its clock
 * started, so a later edition of Working Together never re-judges an earlier review. A new edition
 * adds rows with its effective date; rows are never edited once a review has been measured by them.
 *
 * - notification: the local authority notifies the Child Safeguarding Practice Review Panel of a
 *   serious incident within 5 working days of becoming aware of it;
 * - rapid-review: the safeguarding partners complete a rapid review within 15 working days of that
 *   awareness;
 * - publication: a commissioned review (CSPR; a legacy serious case review) is completed and
 *   published within 6 months of the decision to commission it.
 * SARs (Care Act 2014 s44) have no statutory timescale, so no row: the register shows none, not a guess.
 */
export type DeadlineMilestone = 'notification' | 'rapid-review' | 'publication';

export interface DeadlineRule {
  milestone: DeadlineMilestone;
  /** The review types the clock applies to (a CSPR keeps the clocks of the rapid review it grew from). */
  types: readonly CaseReviewType[];
  /** What starts the clock: the local authority's awareness, or the decision to commission. */
  startsAt: 'awareness' | 'commissioning';
  /** Exactly one of workingDays (England and Wales calendar) or months. */
  workingDays?: number;
  months?: number;
  /** Version of the configuration, and the day it took effect (YYYY-MM-DD). */
  version: string;
  effectiveFrom: string;
  source: string;
}

const CHILD_INCIDENT: readonly CaseReviewType[] = ['rapid-review', 'cspr'];

const edition = (version: string, effectiveFrom: string, source: string): DeadlineRule[] => [
  {
    milestone: 'notification',
    types: CHILD_INCIDENT,
    startsAt: 'awareness',
    workingDays: 5,
    version,
    effectiveFrom,
    source,
  },
  {
    milestone: 'rapid-review',
    types: CHILD_INCIDENT,
    startsAt: 'awareness',
    workingDays: 15,
    version,
    effectiveFrom,
    source,
  },
  { milestone: 'publication', types: ['cspr'], startsAt: 'commissioning', months: 6, version, effectiveFrom, source },
];

export const STATUTORY_DEADLINES: readonly DeadlineRule[] = [
  {
    milestone: 'publication',
    types: ['serious-case-review'],
    startsAt: 'commissioning',
    months: 6,
    version: 'wt-2015',
    effectiveFrom: '2015-03-26',
    source: 'Working Together to Safeguard Children 2015, chapter 4 (serious case reviews)',
  },
  ...edition('wt-2018', '2018-06-29', 'Working Together to Safeguard Children 2018, chapter 4'),
  ...edition('wt-2023', '2023-12-15', 'Working Together to Safeguard Children 2023, chapter 5'),
];

/** The rule for a milestone of a review type in force on `startedOn`, or undefined when none applies. */
export function deadlineRuleFor(
  milestone: DeadlineMilestone,
  type: CaseReviewType,
  startedOn: string,
  table: readonly DeadlineRule[] = STATUTORY_DEADLINES,
): DeadlineRule | undefined {
  return table
    .filter((r) => r.milestone === milestone && r.types.includes(type) && r.effectiveFrom <= startedOn)
    .reduce<DeadlineRule | undefined>(
      (latest, r) => (!latest || r.effectiveFrom > latest.effectiveFrom ? r : latest),
      undefined,
    );
}
