import type { CitableSource } from '../../ledger/served-records.port';
import type { ServedRecord } from '../../shared/serves';
import { MultiAgencyAudit } from './multi-agency-audit';
import type { MultiAgencyAuditEvent, MultiAgencyAuditState } from './multi-agency-audit.messages';
import { ThematicReview } from './thematic-review';
import type { ThematicReviewEvent, ThematicReviewState } from './thematic-review.messages';

/** A multi-agency audit, or one of its findings (named with the audit as parentId). */
export const AUDIT_CITATIONS: CitableSource<MultiAgencyAuditEvent, MultiAgencyAuditState> = {
  kinds: ['audit', 'audit-finding'],
  aggregate: MultiAgencyAudit,
  streamIdOf: (record: ServedRecord) => (record.kind === 'audit' ? record.id : (record.parentId ?? record.id)),
  holds(state, record) {
    if (!state.exists) return false;
    if (record.kind === 'audit') return record.parentId === undefined;
    return record.parentId !== undefined && Object.hasOwn(state.findings, record.id);
  },
};

/** A thematic review as a whole (its findings go to partners' own plans, which cite the review). */
export const THEMATIC_REVIEW_CITATIONS: CitableSource<ThematicReviewEvent, ThematicReviewState> = {
  kinds: ['thematic-review'],
  aggregate: ThematicReview,
  streamIdOf: (record: ServedRecord) => record.id,
  holds: (state, record) => state.exists && record.parentId === undefined,
};
