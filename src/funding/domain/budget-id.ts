import type { BudgetOwner } from './budget.messages';

/**
 * A budget's id, the entity id of its stream (`streamName('budget', id)`): the financial year alone
 * for the ledger's own partnership (`2022-23`, as every budget recorded before owners was), the
 * owner's board id and the year for a board's (`wscb-2022-23`). The year is always the last seven
 * characters and an owner id is never empty, so no two owners' ids for a year can meet, and an
 * old stream keeps its name.
 */
export function budgetId({ ownerId, financialYear }: BudgetOwner & { financialYear: string }): string {
  return ownerId === undefined ? financialYear : `${ownerId}-${financialYear}`;
}

/** How a budget is named in a message: `2022-23`, or `wscb's 2022-23`. */
export const describeBudget = ({ ownerId, financialYear }: BudgetOwner & { financialYear: string }): string =>
  ownerId === undefined ? financialYear : `${ownerId}'s ${financialYear}`;
