import { RISK_KEY_PREFIX, type RiskDoc } from '../../../projections/risks/risk-doc';
import { risksProjection } from '../../../projections/risks/risks.projection';
import { matchingView, measure, type RiskView, type RisksQuery } from '../../../projections/risks/risks.queries';
import type { ReadModelView } from '../as-of/as-of-answer';
import { MeasuredRecordReader, type MeasuredModel } from '../registry/measured-reader';
import type { StreamSpec } from '../sse/projection-streams';

/**
 * Reads the risk register from the live store or an as-of view (the same get/scan calls): each risk
 * is measured at the date the caller gives, so its score, status and overdue review are as they
 * stood that day, never as of the day the projection ran.
 */
export const RISK_RECORDS: MeasuredModel<RiskDoc, RiskView, RisksQuery> = {
  projection: risksProjection.name,
  prefix: RISK_KEY_PREFIX,
  what: 'Risk',
  idField: 'riskId',
  matchingView,
  measure,
};

/** The register's reader over the live store or an as-of view. */
export const risksReader = (store: ReadModelView) => new MeasuredRecordReader(RISK_RECORDS, store);

/** Each risk as it is applied, measured at the day it is sent (`today`, from the injected clock). */
export const riskDocuments = (today: () => string): StreamSpec<RiskDoc> => ({
  projection: risksProjection,
  select: (_key, doc) => (doc.exists ? { type: 'risk', data: measure(doc, today()) } : undefined),
});
