import type { CitableSource } from '../../ledger/served-records.port';
import type { ServedRecord } from '../../shared/serves';
import { Inspection } from './inspection';
import type { InspectionEvent, InspectionState } from './inspection.messages';

/**
 * What an action, decision or sign-off may cite of an inspection: one of its recommendations (or
 * areas for improvement), named with the inspection as parentId, since a recommendation's id is
 * unique only within its inspection.
 */
export const INSPECTION_CITATIONS: CitableSource<InspectionEvent, InspectionState> = {
  kinds: ['inspection-recommendation'],
  aggregate: Inspection,
  streamIdOf: (record: ServedRecord) => record.parentId ?? record.id,
  holds: (state, record) =>
    state.exists && record.parentId !== undefined && Object.hasOwn(state.recommendations, record.id),
};
