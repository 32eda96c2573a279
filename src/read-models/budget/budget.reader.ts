import {
  isHeld,
  ownerKeyPrefix,
  partnerKey,
  yearKey,
  YEAR_KEY_PREFIX,
  type BudgetYearDoc,
  type PartnerNameDoc,
} from '../../../projections/budget/budget-doc';
import { budgetProjection } from '../../../projections/budget/budget.projection';
import { summariseYear, type BudgetYearView } from '../../../projections/budget/budget.summary';
import type { SuccessorOf } from '../../../projections/budget/underwriting-succession';
import { documentPage, type Page } from '../../http/cursor-page';
import { NotFound } from '../../shared/domain-errors';
import type { ReadModelView } from '../as-of/as-of-answer';

/** A list row: the year's headline figures; GET /budgets/:financialYear/contributions has the detail. */
export interface BudgetYearItem {
  ownerId: string | null;
  financialYear: string;
  revision: number;
  totalPence: number;
  agreedPence: number;
  paidPence: number;
  shortfallPence: number;
  shortfallSource: BudgetYearView['shortfall']['source'];
  underwrittenPence: number;
  uncoveredPence: number;
  partnerCount: number;
  committedPence: number;
  spentPence: number;
  closed: boolean;
  lastUpdate: BudgetYearView['lastUpdate'];
}

const NAME = budgetProjection.name;

/** With no underwriting agreement, whatever the shortfall is stands uncovered. */
function item(view: BudgetYearView): BudgetYearItem {
  const { ownerId, financialYear, revision, totalPence, contributions, shortfall, underwriting, partners, lastUpdate } =
    view;
  const { committedPence, spentPence } = view.spending.totals;
  return {
    ownerId,
    financialYear,
    revision,
    totalPence,
    agreedPence: contributions.agreedPence,
    paidPence: contributions.paidPence,
    shortfallPence: shortfall.shortfallPence,
    shortfallSource: shortfall.source,
    underwrittenPence: underwriting?.coveredPence ?? 0,
    uncoveredPence: underwriting?.uncoveredPence ?? shortfall.shortfallPence,
    partnerCount: partners.length,
    committedPence,
    spentPence,
    closed: view.yearEnd.closed,
    lastUpdate,
  };
}

/** Reads budget years from the read-model store and works out their figures (budget.summary.ts). */
export class BudgetReader {
  /** The live ReadModelStore, or an as-of view of it (the same get/scan calls). */
  constructor(private readonly store: ReadModelView) {}

  /**
   * Budgets in key order (the ledger partnership's years, then each owner's by year), the cursor the
   * last key returned; with an owner, only that board's years.
   */
  list(limit: number, cursor?: string, ownerId?: string): Page<BudgetYearItem> {
    const nameOf = this.nameLookup();
    const successorOf = this.successorLookup();
    const prefix = ownerId === undefined ? YEAR_KEY_PREFIX : ownerKeyPrefix(ownerId);
    return documentPage<BudgetYearDoc, BudgetYearItem>(this.store, NAME, prefix, { limit, cursor }, (doc) =>
      isHeld(doc) ? item(summariseYear(doc, nameOf, successorOf)) : undefined,
    );
  }

  /** One budget: the ledger partnership's year, or with an owner that board's. */
  get(financialYear: string, ownerId?: string): BudgetYearView {
    const doc = this.store.get<BudgetYearDoc>(NAME, yearKey(financialYear, ownerId));
    if (!doc || !isHeld(doc))
      throw new NotFound('Budget', ownerId === undefined ? financialYear : `${ownerId}/${financialYear}`);
    return this.view(doc);
  }

  /** A year document as the API shows it (also what the SSE stream sends). */
  view(doc: BudgetYearDoc): BudgetYearView {
    return summariseYear(doc, this.nameLookup(), this.successorLookup());
  }

  /** Partner id -> its successor, as the partners register recorded it (read per call; successions are rare). */
  private successorLookup(): SuccessorOf {
    return (partnerId) => this.store.get<PartnerNameDoc>(NAME, partnerKey(partnerId))?.succeededBy;
  }

  /** Partner id -> current name, each partner read once per request. */
  private nameLookup(): (partnerId: string) => string | undefined {
    const cache = new Map<string, string | undefined>();
    return (partnerId) => {
      if (!cache.has(partnerId))
        cache.set(partnerId, this.store.get<PartnerNameDoc>(NAME, partnerKey(partnerId))?.name);
      return cache.get(partnerId);
    };
  }
}
