import type {
  BriefingFormat,
  BriefingStatus,
  CaseReviewType,
  DelayReason,
  FindingKind,
  PanelResponse,
} from '../../src/case-reviews';
import type { RecordTrail, Stamp } from '../partners/record-history';
import type { Citation } from '../citations/citations';

/** A person the review is about, by pseudonymous id only: the register never shows a sealed name. */
export interface ReviewSubject {
  subjectId: string;
  relation: string;
}

export interface FindingEntry {
  findingId: string;
  kind: FindingKind;
  text: string;
  actionIds: string[];
}

export interface BriefingEntry {
  briefingId: string;
  format: BriefingFormat;
  title: string;
  status: BriefingStatus;
  heldReason?: string;
  publishedOn?: string;
  disseminatedTo: string[];
}

/**
 * One case review as recorded: the facts and their business dates (YYYY-MM-DD). Deadlines are not
 * stored: they depend on the day they are read at, so the read side measures them (deadlines.ts).
 */
export interface CaseReviewDoc extends RecordTrail {
  caseReviewId: string;
  exists: boolean;
  type?: CaseReviewType;
  /** What it was opened as (a CSPR was opened as a rapid review). */
  openedAs?: CaseReviewType;
  title: string;
  awareOn?: string;
  boardId?: string;
  dataSubjects: ReviewSubject[];
  notifiedOn?: string;
  rapidReview?: { completedOn: string; outcome: string; recommendsCspr: boolean };
  panelResponses: { respondedOn: string; response: PanelResponse; summary: string }[];
  commissioning?: { decidedOn: string; commission: boolean; reasons: string };
  reviewer?: { appointedOn: string; reviewer: string; termsOfReference: string };
  drafts: { version: string; receivedOn: string; contentHash: string }[];
  signoffIds: string[];
  delays: { delayedOn: string; reason: DelayReason; detail: string; reviewOn: string }[];
  publication?: { publishedOn: string; signoffId: string; url?: string };
  findings: FindingEntry[];
  briefings: BriefingEntry[];
  /** The actions, decisions and sign-offs that cite it or its findings (`serves`), in ledger order. */
  citedBy: Citation[];
  lastChange?: Stamp;
}

export const CASE_REVIEW_KEY_PREFIX = 'case-review:';
export const caseReviewKey = (caseReviewId: string) => `${CASE_REVIEW_KEY_PREFIX}${caseReviewId}`;
