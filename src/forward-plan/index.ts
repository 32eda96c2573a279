/**
 * The forward plan context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs). Its Nest module is imported by the composition root alone
 * (src/contexts.ts), so importing this surface never loads the context's controllers and handlers.
 */
export { ForwardPlanItem } from './domain/forward-plan-item';
export {
  PLAN_STATUSES,
  SOURCE_KINDS,
  type ForwardPlanCommand,
  type ForwardPlanEvent,
  type ForwardPlanState,
  type PlanSource,
  type PlanStatus,
  type PlanTarget,
  type SourceKind,
} from './domain/forward-plan-item.messages';
