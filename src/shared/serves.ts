import { RuleViolation } from './domain-errors';

/**
 * What an action, a decision or a sign-off can say it serves (issue 16, traceability): a case review
 * or one of its findings or recommendations, an inspection's recommendation, an audit or its finding,
 * a thematic review. Recorded on the event that creates the citing record, so every register can
 * show what came of each.
 */
export const SERVED_KINDS = [
  'case-review',
  'case-review-finding',
  'case-review-recommendation',
  'inspection-recommendation',
  'audit',
  'audit-finding',
  'thematic-review',
] as const;
export type ServedKind = (typeof SERVED_KINDS)[number];

/** Kinds that live inside another record: their id is unique only within it, so the citation names it (parentId). */
export const NESTED_SERVED_KINDS: readonly ServedKind[] = [
  'case-review-finding',
  'case-review-recommendation',
  'inspection-recommendation',
  'audit-finding',
];

export interface ServedRecord {
  kind: ServedKind;
  id: string;
  /** The record holding a nested kind: the case review of its finding or recommendation, the inspection, the audit. */
  parentId?: string;
}

/** The record a nested kind lives in, where a citation names it (parentId). */
const PARENT_KIND: Partial<Record<ServedKind, string>> = {
  'case-review-finding': 'case-review',
  'case-review-recommendation': 'case-review',
  'inspection-recommendation': 'inspection',
  'audit-finding': 'audit',
};

/** The record a citation leads back to, as `kind:id`: a finding's case review, or the cited record itself. */
export const servedRootKey = (s: ServedRecord): string =>
  s.parentId ? `${PARENT_KIND[s.kind] ?? s.kind}:${s.parentId}` : `${s.kind}:${s.id}`;

/** Whether the citation is of that case review or of one of its findings or recommendations. */
export const citesCaseReview = (s: ServedRecord, caseReviewId: string): boolean =>
  servedRootKey(s) === `case-review:${caseReviewId}`;

export const servedLabel = (s: ServedRecord) => `${s.kind} ${s.parentId ? `${s.parentId}/` : ''}${s.id}`;

/**
 * The deciders' rule for a citation list: each cited record named once, and every one the handler
 * could check found (`missing`: what the SERVED_RECORDS port could not find; kinds it does not check
 * yet are recorded as given).
 */
export function checkServes(serves: readonly ServedRecord[] | undefined, missing: readonly ServedRecord[]): void {
  const labels = (serves ?? []).map(servedLabel);
  const twice = labels.find((l, i) => labels.indexOf(l) !== i);
  if (twice) throw new RuleViolation('duplicate-served-record', `${twice} is cited twice`, { served: twice });
  if (missing.length > 0)
    throw new RuleViolation('served-record-not-found', `Not recorded: ${missing.map(servedLabel).join(', ')}`, {
      missing,
    });
}
