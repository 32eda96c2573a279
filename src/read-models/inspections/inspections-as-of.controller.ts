import { measuredRegisterAsOfController } from '../registry/measured-register.controller';
import { AsOfInspectionsQueryDto } from './inspections-query.dto';
import { InspectionAsOfDto, InspectionHistoryAsOfDto, InspectionPageAsOfDto } from './inspections-responses.dto';
import { INSPECTIONS } from './inspections.controller';

/**
 * The register as it stood at a past position or date: what had been recorded by then, measured at
 * measuredOn or, by default, at that point's own date, so "overdue" is as it stood that day.
 */
export const InspectionsAsOfController = measuredRegisterAsOfController({
  ...INSPECTIONS,
  name: 'InspectionsAsOfController',
  dto: AsOfInspectionsQueryDto,
  notFound: 'inspection-not-found: no such inspection had been recorded by then',
  list: {
    operationId: 'listInspectionsAsOf',
    summary:
      'The inspections register as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listInspections',
    type: InspectionPageAsOfDto,
  },
  get: {
    operationId: 'getInspectionAsOf',
    summary: 'One inspection as known at knownAt (recording time) and true at validAt (business time)',
    type: InspectionAsOfDto,
  },
  history: {
    operationId: 'getInspectionHistoryAsOf',
    summary: "The inspection's history as known at knownAt, of what had happened by validAt",
    type: InspectionHistoryAsOfDto,
  },
});
