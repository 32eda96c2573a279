/**
 * The inspections context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs). Its Nest module is imported by the composition root alone
 * (src/contexts.ts), so importing this surface never loads the context's controllers and handlers.
 */
export { Inspection } from './domain/inspection';
export {
  INSPECTION_BODIES,
  RAG_STATUSES,
  RECOMMENDATION_KINDS,
  type EvidenceReference,
  type InspectionBody,
  type InspectionCommand,
  type InspectionEvent,
  type InspectionState,
  type RagStatus,
  type RecommendationKind,
} from './domain/inspection.messages';
export { INSPECTION_CITATIONS } from './domain/inspection-citations';
