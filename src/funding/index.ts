/**
 * The funding context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs). Its Nest module is imported by the composition root alone
 * (src/contexts.ts), so importing this surface never loads the context's controllers and handlers.
 */
export { Budget } from './domain/budget';
export { budgetId } from './domain/budget-id';
export {
  PLEDGE_BASES,
  SPENDING_KINDS,
  SPENDING_REFERENCE_KINDS,
  UNDERWRITING_BASES,
  UNDERWRITING_METHODS,
} from './domain/budget.messages';
export type {
  BudgetCommand,
  BudgetEvent,
  BudgetLine,
  BudgetOwner,
  BudgetState,
  PledgeBasis,
  SpendingKind,
  SpendingReference,
  SpendingReferenceKind,
  StatedFigure,
  UnderwritingBasis,
  UnderwritingMethod,
  UnderwritingShare,
} from './domain/budget.messages';
/** Read models filter by financial year as funding's own endpoints do. */
