/**
 * What the read side's controllers share with funding's own: the financial-year path pipe. Kept out
 * of index.ts, which stays pure so read-model definitions can import it without loading Nest.
 */
export { FinancialYearParam, FinancialYearPipe } from './http/financial-year';
export { BudgetOwnerParam } from './http/budget-owner';
