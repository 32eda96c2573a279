/**
 * The decisions context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs). Its Nest module is imported by the composition root alone
 * (src/contexts.ts), so importing this surface never loads the context's controllers and handlers.
 */
export {
  Decision,
  DECISION_OUTCOMES,
  type DecisionCommand,
  type DecisionCondition,
  type DecisionEvent,
  type DecisionOutcome,
  type DecisionState,
  type DecisionStatus,
} from './domain/decision';
