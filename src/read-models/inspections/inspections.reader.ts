import {
  INSPECTION_KEY_PREFIX,
  inspectionKey,
  type InspectionDoc,
} from '../../../projections/inspections/inspection-doc';
import { inspectionsProjection } from '../../../projections/inspections/inspections.projection';
import {
  matchingView,
  measure,
  type InspectionView,
  type InspectionsQuery,
} from '../../../projections/inspections/inspections.queries';
import type { RecordHistoryEntry } from '../../../projections/partners/record-history';
import { documentPage, type Page } from '../../http/cursor-page';
import { NotFound } from '../../shared/domain-errors';
import type { ReadModelView } from '../as-of/as-of-answer';
import type { StreamSpec } from '../sse/projection-streams';

const NAME = inspectionsProjection.name;

/**
 * Reads the inspections register from the live store or an as-of view (the same get/scan calls):
 * each recommendation is measured at the date the caller gives, so open, closed and overdue are as
 * they stood that day, never as of the day the projection ran.
 */
export class InspectionsReader {
  constructor(private readonly store: ReadModelView) {}

  list(query: InspectionsQuery, limit: number, cursor?: string): Page<InspectionView> {
    return documentPage<InspectionDoc, InspectionView>(
      this.store,
      NAME,
      INSPECTION_KEY_PREFIX,
      { limit, cursor },
      (doc) => matchingView(doc, query),
    );
  }

  get(inspectionId: string, measuredOn: string): InspectionView {
    return measure(this.record(inspectionId), measuredOn);
  }

  history(inspectionId: string): { inspectionId: string; entries: RecordHistoryEntry[] } {
    return { inspectionId, entries: this.record(inspectionId).history };
  }

  private record(inspectionId: string): InspectionDoc {
    const doc = this.store.get<InspectionDoc>(NAME, inspectionKey(inspectionId));
    if (!doc?.exists) throw new NotFound('Inspection', inspectionId);
    return doc;
  }
}

/** Each inspection as it is applied, measured at the day it is sent (`today`, from the injected clock). */
export const inspectionDocuments = (today: () => string): StreamSpec<InspectionDoc> => ({
  projection: inspectionsProjection,
  select: (_key, doc) => (doc.exists ? { type: 'inspection', data: measure(doc, today()) } : undefined),
});
