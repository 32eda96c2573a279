import { AUDIT_KEY_PREFIX, type AuditDoc } from '../../../projections/assurance/audit-doc';
import {
  matchesAudit,
  matchesThematicReview,
  type AssuranceQuery,
} from '../../../projections/assurance/assurance.queries';
import { auditsProjection } from '../../../projections/assurance/audits.projection';
import { THEMATIC_REVIEW_KEY_PREFIX, type ThematicReviewDoc } from '../../../projections/assurance/thematic-review-doc';
import { thematicReviewsProjection } from '../../../projections/assurance/thematic-reviews.projection';
import { recordView, type RegistryModel } from '../registry/record-reader';
import type { StreamSpec } from '../sse/projection-streams';
import type { AssuranceQueryDto } from './assurance-query.dto';

/** The two assurance registers on the shared registry reader: list, one record, history, SSE, as-of. */
export const THEMATIC_REVIEWS: RegistryModel<ThematicReviewDoc, AssuranceQuery> = {
  projection: thematicReviewsProjection.name,
  prefix: THEMATIC_REVIEW_KEY_PREFIX,
  what: 'Thematic review',
  matches: matchesThematicReview,
};

export const AUDITS: RegistryModel<AuditDoc, AssuranceQuery> = {
  projection: auditsProjection.name,
  prefix: AUDIT_KEY_PREFIX,
  what: 'Audit',
  matches: matchesAudit,
};

export const assuranceQuery = (q: AssuranceQueryDto): AssuranceQuery => ({ open: q.open, partnerId: q.partner });

export const thematicReviewDocuments: StreamSpec<ThematicReviewDoc> = {
  projection: thematicReviewsProjection,
  select: (_key, doc) => (doc.exists ? { type: 'thematic-review', data: recordView(doc) } : undefined),
};

export const auditDocuments: StreamSpec<AuditDoc> = {
  projection: auditsProjection,
  select: (_key, doc) => (doc.exists ? { type: 'multi-agency-audit', data: recordView(doc) } : undefined),
};
