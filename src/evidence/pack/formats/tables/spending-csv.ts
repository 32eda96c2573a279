import { YEAR_KEY_PREFIX, type BudgetDoc, type BudgetYearDoc } from '../../../../../projections/budget/budget-doc';
import { budgetProjection } from '../../../../../projections/budget/budget.projection';
import { pounds, toCsv, CSV_FORMAT, type Cell, type CsvFormat } from '../csv';
import { ProjectionTable } from './projection-fold';

/** Packs carry spending.csv from CSV format 10 on; verify-pack expects it only in those. */
export const SPENDING_CSV_SINCE: CsvFormat = 10;

/**
 * One row per spend (a commitment or an actual spend against a budget line) and per invoice raised
 * to a partner, for each budget (owner and year) in the pack. `citation` is what the row rests on:
 * the record a spend is for (`case-review cspr-child-a`), or the invoice's own reference.
 */
export const SPENDING_COLUMNS = [
  'ownerId',
  'financialYear',
  'row',
  'id',
  'lineId',
  'lineName',
  'kind',
  'partnerId',
  'amountPence',
  'amountPounds',
  'date',
  'description',
  'citation',
  'settlesCommitmentId',
  'recordedAt',
];

function rowsOf(y: BudgetYearDoc): Cell[][] {
  const lineName = (lineId: string) => y.lines.find((l) => l.lineId === lineId)?.name;
  const spends = y.spending.map((s): Cell[] => [
    y.ownerId,
    y.financialYear,
    'spend',
    s.spendId,
    s.lineId,
    lineName(s.lineId),
    s.kind,
    '',
    s.amountPence,
    pounds(s.amountPence),
    s.spentOn,
    s.description,
    s.reference ? `${s.reference.kind} ${s.reference.id}` : '',
    s.settlesCommitmentId,
    s.recordedAt,
  ]);
  const invoices = y.invoices.map((i): Cell[] => [
    y.ownerId,
    y.financialYear,
    'invoice',
    i.invoiceId,
    '',
    '',
    '',
    i.partnerId,
    i.amountPence,
    pounds(i.amountPence),
    i.raisedOn,
    '',
    i.reference,
    '',
    '',
  ]);
  return [...spends, ...invoices];
}

/** Spending and invoices per budget as at the end of the pack's log, budgets in key order (owner, then year). */
export class SpendingTable extends ProjectionTable<BudgetDoc> {
  readonly since = SPENDING_CSV_SINCE;

  constructor() {
    super('spending.csv', budgetProjection);
  }

  csv(format: CsvFormat = CSV_FORMAT): string {
    const rows = this.fold.sorted<BudgetYearDoc>(YEAR_KEY_PREFIX).flatMap(rowsOf);
    return toCsv(SPENDING_COLUMNS, rows, format);
  }
}
