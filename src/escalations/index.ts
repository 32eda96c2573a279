/**
 * The escalations context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs). Its Nest module is imported by the composition root alone
 * (src/contexts.ts), so importing this surface never loads the context's controllers and handlers.
 */
export { Escalation } from './domain/escalation';
export { DATA_SUBJECT_RELATIONS, ESCALATION_OUTCOMES } from './domain/escalation.messages';
export type {
  DataSubjectRelation,
  EscalationCommand,
  EscalationEvent,
  EscalationOutcome,
  EscalationState,
  EscalationStatus,
  PersonalNote,
} from './domain/escalation.messages';
export {
  EscalationProtocol,
  MAX_STAGES,
  type EscalationProtocolCommand,
  type EscalationProtocolEvent,
  type ProtocolStage,
} from './domain/escalation-protocol';
