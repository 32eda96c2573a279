import { FORWARD_PLAN_KEY_PREFIX, type ForwardPlanDoc } from '../../../../../projections/forward-plan/forward-plan-doc';
import { forwardPlanProjection } from '../../../../../projections/forward-plan/forward-plan.projection';
import type { PlanTarget } from '../../../../forward-plan';
import { toCsv, CSV_FORMAT, type CsvFormat } from '../csv';
import { ProjectionTable } from './projection-fold';
import { summaryTable, type SummaryTable } from '../summary-pdf/summary-table';

/** Packs carry forward-plan.csv from CSV format 8 on; verify-pack expects it only in those. */
export const FORWARD_PLAN_CSV_SINCE: CsvFormat = 8;

export const FORWARD_PLAN_COLUMNS = [
  'itemId',
  'boardId',
  'title',
  'fromKind',
  'fromId',
  'status',
  'meetingId',
  'month',
  'moves',
  'droppedReason',
  'agendaMeetingId',
  'agendaItem',
];

const where = (t: PlanTarget) => ('meetingId' in t ? t.meetingId : t.month);

/** The forward plan as it stood at the end of the pack's log: one row per item, its moves in one cell. */
export class ForwardPlanTable extends ProjectionTable<ForwardPlanDoc> {
  readonly since = FORWARD_PLAN_CSV_SINCE;

  constructor() {
    super('forward-plan.csv', forwardPlanProjection);
  }

  items(): ForwardPlanDoc[] {
    return this.fold.sorted<ForwardPlanDoc>(FORWARD_PLAN_KEY_PREFIX).filter((d) => d.exists);
  }

  csv(format: CsvFormat = CSV_FORMAT): string {
    const rows = this.items().map((d) => [
      d.itemId,
      d.boardId,
      d.title,
      d.from?.kind,
      d.from?.id,
      d.status,
      d.meetingId,
      d.month,
      d.moves.map((m) => `${where(m.from)} -> ${where(m.to)}: ${m.reason}`).join('; '),
      d.dropped?.reason,
      d.agenda?.meetingId,
      d.agenda?.agendaItem,
    ]);
    return toCsv(FORWARD_PLAN_COLUMNS, rows, format);
  }
}

/**
 * summary.pdf's forward plan table: the items still to come at the end of the pack's log (planned
 * or moved), by the month they fall in, with where they come from and how often they moved.
 */
export function forwardPlanSummaryTable(items: ForwardPlanDoc[]): SummaryTable {
  return summaryTable(
    'Forward plan: items still to come at the end of the period',
    ['For', 'Board', 'Item', 'From', 'Moves'],
    items
      .filter((d) => d.status === 'planned' || d.status === 'moved')
      .sort((a, b) => (a.month! < b.month! ? -1 : a.month! > b.month! ? 1 : 0))
      .map((d) => [
        `${d.month}${d.meetingId ? ` (${d.meetingId})` : ''}`,
        d.boardId ?? '',
        d.title,
        d.from?.id ? `${d.from.kind} ${d.from.id}` : (d.from?.kind ?? ''),
        String(d.moves.length),
      ]),
  );
}
