import { RISK_KEY_PREFIX, riskKey, type RiskDoc } from '../../../projections/risks/risk-doc';
import { risksProjection } from '../../../projections/risks/risks.projection';
import { matchingView, measure, type RiskView, type RisksQuery } from '../../../projections/risks/risks.queries';
import type { RecordHistoryEntry } from '../../../projections/partners/record-history';
import { documentPage, type Page } from '../../http/cursor-page';
import { NotFound } from '../../shared/domain-errors';
import type { ReadModelView } from '../as-of/as-of-answer';
import type { StreamSpec } from '../sse/projection-streams';

const NAME = risksProjection.name;

/**
 * Reads the risk register from the live store or an as-of view (the same get/scan calls): each risk
 * is measured at the date the caller gives, so its score, status and overdue review are as they
 * stood that day, never as of the day the projection ran.
 */
export class RisksReader {
  constructor(private readonly store: ReadModelView) {}

  list(query: RisksQuery, limit: number, cursor?: string): Page<RiskView> {
    return documentPage<RiskDoc, RiskView>(this.store, NAME, RISK_KEY_PREFIX, { limit, cursor }, (doc) =>
      matchingView(doc, query),
    );
  }

  get(riskId: string, measuredOn: string): RiskView {
    return measure(this.record(riskId), measuredOn);
  }

  history(riskId: string): { riskId: string; entries: RecordHistoryEntry[] } {
    return { riskId, entries: this.record(riskId).history };
  }

  private record(riskId: string): RiskDoc {
    const doc = this.store.get<RiskDoc>(NAME, riskKey(riskId));
    if (!doc?.exists) throw new NotFound('Risk', riskId);
    return doc;
  }
}

/** Each risk as it is applied, measured at the day it is sent (`today`, from the injected clock). */
export const riskDocuments = (today: () => string): StreamSpec<RiskDoc> => ({
  projection: risksProjection,
  select: (_key, doc) => (doc.exists ? { type: 'risk', data: measure(doc, today()) } : undefined),
});
