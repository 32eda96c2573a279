import { RuleViolation } from '../../shared/domain-errors';

/** Rules both assurance aggregates share: named partners and actions exist, none named twice, dates in order. */

export function noneTwice(ids: readonly string[], code: 'duplicate-partner' | 'duplicate-action'): void {
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new RuleViolation(code, `${twice} is named twice`, { id: twice });
}

export function allRegistered(unregisteredPartnerIds: readonly string[]): void {
  if (unregisteredPartnerIds.length > 0)
    throw new RuleViolation('partner-not-registered', `No such partner: ${unregisteredPartnerIds.join(', ')}`, {
      partnerIds: unregisteredPartnerIds,
    });
}

export function allActionsExist(missingActionIds: readonly string[]): void {
  if (missingActionIds.length > 0)
    throw new RuleViolation('action-not-found', `No such action: ${missingActionIds.join(', ')}`, {
      actionIds: missingActionIds,
    });
}

export function boardKnown(boardId: string | undefined, boardRegistered: boolean): void {
  if (boardId !== undefined && !boardRegistered)
    throw new RuleViolation('board-not-registered', `Board ${boardId} is not registered`);
}

/** Nothing in a review's or audit's life is dated before it was opened. */
export function notBeforeOpening(openedOn: string, date: string): void {
  if (date < openedOn) throw new RuleViolation('date-before-opening', `${date} is before it was opened (${openedOn})`);
}
