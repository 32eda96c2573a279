import { inspectionsProjection } from '../../../projections/inspections/inspections.projection';
import { measuredRegisterController, type MeasuredRegister } from '../registry/measured-register.controller';
import { inspectionsQuery, InspectionsQueryDto } from './inspections-query.dto';
import { InspectionDto, InspectionHistoryDto, InspectionPageDto } from './inspections-responses.dto';
import { inspectionDocuments, inspectionsReader } from './inspections.reader';

/** The register live and as-of. */
export const INSPECTIONS: MeasuredRegister<ReturnType<typeof inspectionsQuery>, InspectionsQueryDto> = {
  tag: 'inspections',
  path: 'inspections',
  idParam: 'inspectionId',
  projection: inspectionsProjection,
  reader: inspectionsReader,
  query: inspectionsQuery,
};

/**
 * The inspections register: each inspection of partner agencies with its recommendations, which are
 * open, which are overdue for an update, and who owns them, measured at measuredOn (default: today,
 * from the injected clock). Eventually consistent with the ledger.
 */
export const InspectionsController = measuredRegisterController({
  ...INSPECTIONS,
  name: 'InspectionsController',
  dto: InspectionsQueryDto,
  badQuery: 'A filter, measuredOn or the cursor is invalid (validation-failed, invalid-cursor)',
  notFound: 'inspection-not-found',
  list: {
    operationId: 'listInspections',
    summary:
      'Inspections with their recommendations at measuredOn; filter by body, inspected agency, and recommendations by owner, status or overdue; cursor paging',
    type: InspectionPageDto,
  },
  stream: {
    operationId: 'streamInspections',
    summary:
      'Server-Sent Events: each inspection as it is applied (event "inspection", id = ledger position), measured on the day it is sent',
    events: { inspection: InspectionDto },
    documents: inspectionDocuments,
  },
  get: {
    operationId: 'getInspection',
    summary:
      'One inspection: body, dates, report, agencies inspected, and each recommendation with its owner, action plan, updates, RAG over time, closure, and whether an update is overdue at measuredOn',
    type: InspectionDto,
  },
  history: {
    operationId: 'getInspectionHistory',
    summary: "The inspection's events in ledger order: what, when, who, where to verify it",
    type: InspectionHistoryDto,
  },
});
