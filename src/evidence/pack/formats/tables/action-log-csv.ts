import type { StoredEvent } from '../../../../ledger/event-envelope';
import {
  ACTION_KEY_PREFIX,
  type ActionHistoryEntry,
  type ActionLogDoc,
  type ActionLogEntry,
} from '../../../../../projections/action-log/action-log-doc';
import {
  actionIdOf,
  actionLogProjection,
  historyEntry,
  isActionEvent,
} from '../../../../../projections/action-log/action-log.projection';
import {
  boardOf,
  effectiveDueDate,
  isOverdue,
  lookupsIn,
} from '../../../../../projections/action-log/action-log.queries';
import { ownerLabel } from '../../../../actions';
import { toCsv, CSV_FORMAT, type CsvFormat } from '../csv';
import { ProjectionTable } from './projection-fold';
import { summaryTable, type SummaryTable } from '../summary-pdf/summary-table';

export const ACTION_LOG_COLUMNS = [
  'actionId',
  'boardId',
  'originMeetingId',
  'originItemNumber',
  'text',
  'owners',
  'status',
  'overdue',
  'dueDate',
  'targetMeetingId',
  'timesCarriedForward',
  'raisedAt',
  'completedAt',
  'closedAt',
  'cancelledAt',
  'lastUpdateType',
  'lastUpdateAt',
  'lastUpdateBy',
  'historyEvents',
];

/** The action log as at the end of the period (`asOf`, YYYY-MM-DD): one row per action, by actionId. */
export class ActionLogTable extends ProjectionTable<ActionLogDoc> {
  /** Each action's history, from its events in the pack (the read model reads it from the action's stream). */
  private readonly histories = new Map<string, ActionHistoryEntry[]>();

  constructor(readonly asOf: string) {
    super('action-log.csv', actionLogProjection);
  }

  override add(event: StoredEvent): void {
    super.add(event);
    if (!isActionEvent(event)) return;
    const actionId = actionIdOf(event);
    const history = this.histories.get(actionId);
    if (history) history.push(historyEntry(event));
    else this.histories.set(actionId, [historyEntry(event)]);
  }

  historyOf(actionId: string): ActionHistoryEntry[] {
    return this.histories.get(actionId) ?? [];
  }

  actions(): ActionLogEntry[] {
    return this.fold.sorted<ActionLogEntry>(ACTION_KEY_PREFIX).filter((a) => a.raised);
  }

  /** The date an action is due by: its due date, or without one the meeting it is due back at (the action log's rule). */
  dueBy(action: ActionLogEntry): string | undefined {
    return effectiveDueDate(
      action,
      lookupsIn((key) => this.fold.docs.get(key)),
    );
  }

  /** Open actions past, on `date`, the date they are due by (so the summary and the CSV agree). */
  overdueOn(date: string): { action: ActionLogEntry; dueBy: string }[] {
    const look = lookupsIn((key) => this.fold.docs.get(key));
    return this.actions()
      .filter((a) => isOverdue(a, date, look))
      .map((action) => ({ action, dueBy: effectiveDueDate(action, look) ?? '' }));
  }

  csv(format: CsvFormat = CSV_FORMAT): string {
    const look = lookupsIn((key) => this.fold.docs.get(key));
    return toCsv(
      ACTION_LOG_COLUMNS,
      this.actions().map((a) => [
        a.actionId,
        boardOf(a, look),
        a.originMeetingId,
        a.originItemNumber,
        a.text,
        a.owners.map(ownerLabel).join('; '),
        a.status,
        isOverdue(a, this.asOf, look),
        a.dueDate,
        a.targetMeetingId,
        a.timesCarriedForward,
        a.raisedAt,
        a.completedAt,
        a.closedAt,
        a.cancelledAt,
        a.lastUpdate?.type,
        a.lastUpdate?.occurredAt,
        a.lastUpdate?.actor.userId,
        a.historyLength,
      ]),
      format,
    );
  }
}

export function actionLogCsv(events: Iterable<StoredEvent>, asOf: string): string {
  const table = new ActionLogTable(asOf);
  for (const e of events) table.add(e);
  return table.csv();
}

/** summary.pdf's overdue actions at the end of the period (ActionLogTable.overdueOn), each with its owners. */
export function overdueActionsSummaryTable(overdue: { action: ActionLogEntry; dueBy: string }[]): SummaryTable {
  return summaryTable(
    'Overdue actions at the end of the period',
    ['Action', 'Owners', 'Due', 'Text'],
    overdue.map(({ action: a, dueBy }) => [a.actionId, a.owners.map(ownerLabel).join(', '), dueBy, a.text]),
  );
}
