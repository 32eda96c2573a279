import type { StoredEvent } from '../../../../ledger/event-envelope';
import {
  PARTNER_KEY_PREFIX,
  YEAR_KEY_PREFIX,
  type BudgetDoc,
  type BudgetYearDoc,
  type PartnerNameDoc,
} from '../../../../../projections/budget/budget-doc';
import { budgetProjection } from '../../../../../projections/budget/budget.projection';
import { summariseYear, type BudgetYearView } from '../../../../../projections/budget/budget.summary';
import { pounds, toCsv, CSV_FORMAT, type Cell, type CsvFormat } from '../csv';
import { ProjectionTable } from './projection-fold';

const MONEY = [
  'budget',
  'agreed',
  'inPrinciple',
  'upTo',
  'paid',
  'outstanding',
  'underwritingShare',
  'counted',
  'shortfall',
  'uncovered',
] as const;

/** Money is given twice, integer pence and pounds to two places: pence to recompute, pounds to read. */
export const FUNDING_COLUMNS = [
  'financialYear',
  'row',
  'partnerId',
  'partnerName',
  ...MONEY.flatMap((m) => [`${m}Pence`, `${m}Pounds`]),
  'shortfallSource',
];
/** From CSV format 10, whose budget a row is (two boards may each hold one for a year): empty for the ledger partnership's. */
const OWNER_COLUMN_SINCE: CsvFormat = 10;

type Money = Partial<Record<(typeof MONEY)[number], number>>;
const money = (m: Money): Cell[] => MONEY.flatMap((k) => [m[k], pounds(m[k])]);

/** Funding per financial year as at the end of the period: a 'year' row, then one row per partner, by id. */
export class FundingTable extends ProjectionTable<BudgetDoc> {
  constructor() {
    super('funding.csv', budgetProjection);
  }

  nameOf = (partnerId: string): string | undefined =>
    (this.fold.docs.get(`${PARTNER_KEY_PREFIX}${partnerId}`) as PartnerNameDoc | undefined)?.name;

  years(): BudgetYearView[] {
    return this.fold
      .sorted<BudgetYearDoc>(YEAR_KEY_PREFIX)
      .filter((y) => y.set || y.pledges.length > 0 || y.payments.length > 0)
      .map((y) => summariseYear(y, this.nameOf));
  }

  csv(format: CsvFormat = CSV_FORMAT): string {
    const owned = format >= OWNER_COLUMN_SINCE;
    const rows = this.years().flatMap((y): Cell[][] =>
      this.rowsOf(y).map((row) => (owned ? [...row, y.ownerId] : row)),
    );
    return toCsv(owned ? [...FUNDING_COLUMNS, 'ownerId'] : FUNDING_COLUMNS, rows, format);
  }

  private rowsOf(y: BudgetYearView): Cell[][] {
    return [
      [
        y.financialYear,
        'year',
        '',
        '',
        ...money({
          budget: y.totalPence,
          agreed: y.contributions.agreedPence,
          inPrinciple: y.contributions.inPrinciplePence,
          upTo: y.contributions.upToPence,
          paid: y.contributions.paidPence,
          outstanding: y.contributions.outstandingPence,
          underwritingShare: y.underwriting?.coveredPence,
          shortfall: y.shortfall.shortfallPence,
          uncovered: y.underwriting?.uncoveredPence,
        }),
        y.shortfall.source,
      ],
      ...y.partners.map((p): Cell[] => [
        y.financialYear,
        'partner',
        p.partnerId,
        p.partnerName,
        ...money({
          agreed: p.agreedPence,
          inPrinciple: p.inPrinciplePence,
          upTo: p.upToPence,
          paid: p.paidPence,
          outstanding: p.outstandingPence,
          underwritingShare: p.underwriting?.sharePence,
          counted: p.countedPence,
        }),
        '',
      ]),
    ];
  }
}

export function fundingCsv(events: Iterable<StoredEvent>): string {
  const table = new FundingTable();
  for (const e of events) table.add(e);
  return table.csv();
}
