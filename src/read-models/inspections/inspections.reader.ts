import { INSPECTION_KEY_PREFIX, type InspectionDoc } from '../../../projections/inspections/inspection-doc';
import { inspectionsProjection } from '../../../projections/inspections/inspections.projection';
import {
  matchingView,
  measure,
  type InspectionView,
  type InspectionsQuery,
} from '../../../projections/inspections/inspections.queries';
import type { ReadModelView } from '../as-of/as-of-answer';
import { MeasuredRecordReader, type MeasuredModel } from '../registry/measured-reader';
import type { StreamSpec } from '../sse/projection-streams';

/**
 * Reads the inspections register from the live store or an as-of view (the same get/scan calls):
 * each recommendation is measured at the date the caller gives, so open, closed and overdue are as
 * they stood that day, never as of the day the projection ran.
 */
export const INSPECTION_RECORDS: MeasuredModel<InspectionDoc, InspectionView, InspectionsQuery> = {
  projection: inspectionsProjection.name,
  prefix: INSPECTION_KEY_PREFIX,
  what: 'Inspection',
  idField: 'inspectionId',
  matchingView,
  measure,
};

/** The register's reader over the live store or an as-of view. */
export const inspectionsReader = (store: ReadModelView) => new MeasuredRecordReader(INSPECTION_RECORDS, store);

/** Each inspection as it is applied, measured at the day it is sent (`today`, from the injected clock). */
export const inspectionDocuments = (today: () => string): StreamSpec<InspectionDoc> => ({
  projection: inspectionsProjection,
  select: (_key, doc) => (doc.exists ? { type: 'inspection', data: measure(doc, today()) } : undefined),
});
