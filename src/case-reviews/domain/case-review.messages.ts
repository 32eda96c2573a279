import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';

/**
 * The kinds of review a partnership keeps in its register. A rapid review (Working Together 2023,
 * chapter 5) becomes a CSPR when the partners commission one; a safeguarding adults review (Care Act
 * 2014 s44) and a legacy serious case review (before the 2018 reforms) are opened as such.
 */
export const CASE_REVIEW_TYPES = ['rapid-review', 'cspr', 'sar', 'serious-case-review'] as const;
export type CaseReviewType = (typeof CASE_REVIEW_TYPES)[number];
/** A CSPR is reached only by commissioning one after a rapid review, never opened directly. */
export const OPENING_TYPES = ['rapid-review', 'sar', 'serious-case-review'] as const;
export type OpeningType = (typeof OPENING_TYPES)[number];

export const SUBJECT_RELATIONS = ['child', 'adult', 'parent', 'carer', 'sibling', 'family-member', 'other'] as const;
export type SubjectRelation = (typeof SUBJECT_RELATIONS)[number];

/**
 * The child, adult or family member a review is about. subjectId is pseudonymous and stays readable;
 * name and dateOfBirth are sealed under the subject's key before append (the codec declares them),
 * so erasing the key erases them. Deciders look only at subject ids, never at the personal values.
 */
export interface CaseReviewSubject {
  subjectId: string;
  relation: SubjectRelation;
  name: string;
  dateOfBirth?: string;
}

export const PANEL_RESPONSES = ['agrees', 'disagrees', 'more-information-requested', 'step-down-approved'] as const;
export type PanelResponse = (typeof PANEL_RESPONSES)[number];

export const DELAY_REASONS = ['pending-inquest', 'pending-criminal-proceedings', 'family-wishes', 'other'] as const;
export type DelayReason = (typeof DELAY_REASONS)[number];

export const FINDING_KINDS = ['finding', 'recommendation'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const BRIEFING_FORMATS = ['7-minute', 'lessons-learned'] as const;
export type BriefingFormat = (typeof BRIEFING_FORMATS)[number];
export type BriefingStatus = 'draft' | 'on-hold' | 'published';

/** Every date below is a business date (YYYY-MM-DD, England): the day it happened, not when it was keyed. */
export interface CaseReviewOpened {
  caseReviewId: string;
  type: OpeningType;
  /** What the review is called in the register: never a child's or family's name. */
  title: string;
  /** The day the local authority became aware of the incident (the statutory clocks start here). */
  awareOn: string;
  /** The board that oversees it (partners context), when named. */
  boardId?: string;
  dataSubjects?: CaseReviewSubject[];
}

type Ev<T extends string, D> = DomainEvent<T, { caseReviewId: string } & D>;

export type CaseReviewEvent =
  | DomainEvent<'case-review-opened', CaseReviewOpened>
  | Ev<'national-panel-notified', { notifiedOn: string }>
  | Ev<'rapid-review-completed', { completedOn: string; outcome: string; recommendsCspr: boolean }>
  | Ev<'panel-response-recorded', { respondedOn: string; response: PanelResponse; summary: string }>
  | Ev<'review-commissioning-decided', { decidedOn: string; commission: boolean; reasons: string }>
  | Ev<'reviewer-appointed', { appointedOn: string; reviewer: string; termsOfReference: string }>
  | Ev<'review-draft-received', { version: string; receivedOn: string; contentHash: string }>
  | Ev<'review-signoff-linked', { signoffId: string }>
  | Ev<'publication-delayed', { delayedOn: string; reason: DelayReason; detail: string; reviewOn: string }>
  | Ev<'review-published', { publishedOn: string; signoffId: string; url?: string }>
  | Ev<'review-finding-recorded', { findingId: string; kind: FindingKind; text: string; actionIds: string[] }>
  | Ev<'finding-action-linked', { findingId: string; actionId: string }>
  | Ev<'learning-briefing-drafted', { briefingId: string; format: BriefingFormat; title: string }>
  | Ev<'learning-briefing-held', { briefingId: string; reason: string }>
  | Ev<'learning-briefing-published', { briefingId: string; publishedOn: string; disseminatedTo: string[] }>;

type Cmd<T extends string, D> = DomainCommand<T, { caseReviewId: string } & D>;

export type CaseReviewCommand =
  | DomainCommand<'open-case-review', CaseReviewOpened & { boardRegistered?: boolean }>
  | Cmd<'notify-national-panel', { notifiedOn: string }>
  | Cmd<'complete-rapid-review', { completedOn: string; outcome: string; recommendsCspr: boolean }>
  | Cmd<'record-panel-response', { respondedOn: string; response: PanelResponse; summary: string }>
  | Cmd<'decide-commissioning', { decidedOn: string; commission: boolean; reasons: string }>
  | Cmd<'appoint-reviewer', { appointedOn: string; reviewer: string; termsOfReference: string }>
  | Cmd<'receive-draft', { version: string; receivedOn: string; contentHash: string }>
  /** signoffExists: read by the handler from the signoffs context. */
  | Cmd<'link-signoff', { signoffId: string; signoffExists: boolean }>
  | Cmd<'delay-publication', { delayedOn: string; reason: DelayReason; detail: string; reviewOn: string }>
  /** signoffCompleted: read by the handler; the sign-off must be linked and complete when the report is published. */
  | Cmd<'publish-review', { publishedOn: string; signoffId: string; url?: string; signoffCompleted: boolean }>
  /** missingActionIds: the named actions the handler could not find in the actions context. */
  | Cmd<
      'record-finding',
      { findingId: string; kind: FindingKind; text: string; actionIds: string[]; missingActionIds: string[] }
    >
  | Cmd<'link-finding-action', { findingId: string; actionId: string; actionExists: boolean }>
  | Cmd<'draft-briefing', { briefingId: string; format: BriefingFormat; title: string }>
  | Cmd<'hold-briefing', { briefingId: string; reason: string }>
  | Cmd<'publish-briefing', { briefingId: string; publishedOn: string; disseminatedTo: string[] }>;

export interface CaseReviewState {
  exists: boolean;
  type?: CaseReviewType;
  awareOn?: string;
  notified: boolean;
  rapidReviewCompleted: boolean;
  /** Undefined until the partners decide; false once they decided not to commission a review. */
  commissioned?: boolean;
  reviewerAppointed: boolean;
  draftVersions: string[];
  signoffIds: string[];
  published: boolean;
  /** Action ids linked to each finding or recommendation, by finding id. */
  findings: Record<string, string[]>;
  /** Whether each is a finding or a recommendation: what a citation of it must name. */
  findingKinds: Record<string, FindingKind>;
  briefings: Record<string, BriefingStatus>;
  dataSubjectIds: string[];
}
