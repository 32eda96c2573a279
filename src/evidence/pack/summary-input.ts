import { ownerLabel } from '../../../projections/action-log/summaries';
import { businessDate } from '../../../projections/calendar/business-date';
import type { ActionLogEntry } from '../../../projections/action-log/action-log-doc';
import type { PackScope, SummaryInput } from './pack-types';
import type { PackTables } from './tables/pack-tables';

const STATUS_AFTER: Record<string, ActionLogEntry['status'] | undefined> = {
  'action-raised': 'open', 'action-completed': 'actioned', 'action-closed': 'closed', 'action-reopened': 'open', 'action-cancelled': 'cancelled',
};

/** Last day of each month from `from` to `to` (the last one cut at `to`), as YYYY-MM-DD. */
export function monthEnds(from: string, to: string): { month: string; end: string }[] {
  const out: { month: string; end: string }[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7); m === 12 ? (y++, m = 1) : m++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push({ month, end: last < to ? last : to });
  }
  return out;
}

/** An action's status at the end of a date, replayed from its history (its status changes are dated). */
function statusOn(a: ActionLogEntry, date: string): ActionLogEntry['status'] | undefined {
  let status: ActionLogEntry['status'] | undefined;
  for (const h of a.history) if (businessDate(h.occurredAt) <= date) status = STATUS_AFTER[h.type] ?? status;
  return status;
}

/**
 * Action status at each month end. Overdue = open at that date with a due date before it; the due
 * date used is the one the action had at the end of the period (the history does not keep earlier ones).
 */
function actionStatusOverTime(actions: ActionLogEntry[], scope: PackScope): SummaryInput['actionStatusOverTime'] {
  return monthEnds(scope.from, scope.to).map(({ month, end }) => {
    const row = { month, open: 0, actioned: 0, closed: 0, cancelled: 0, overdue: 0 };
    for (const a of actions) {
      const s = statusOn(a, end);
      if (!s) continue;
      row[s]++;
      if (s === 'open' && a.dueDate !== undefined && a.dueDate.slice(0, 10) < end) row.overdue++;
    }
    return row;
  });
}

const CAP = 40;
const capped = (rows: string[][]) => (rows.length > CAP ? [...rows.slice(0, CAP), [`… and ${rows.length - CAP} more (see the CSV)`]] : rows);
const gbp = (pence: number) => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export interface SummaryContext { title: string; partnership: string; scope: PackScope; generatedAt: string; rootHash: string; eventCount: number; streamCount: number }

/** summary.pdf's input, from the same projected documents as the CSVs. */
export function summaryInput(t: PackTables, c: SummaryContext): SummaryInput {
  const actions = t.actionLog.actions();
  const escalations = t.escalations.views();
  const decisions = t.decisions.decisions();
  const signoffs = t.decisions.signoffs();
  const years = t.funding.years();
  const overdue = actions.filter((a) => a.status === 'open' && a.dueDate !== undefined && a.dueDate.slice(0, 10) < c.scope.to);
  const byStage = new Map<string, { stage: string; withinTimescale: number; breached: number }>();
  for (const v of escalations) for (const s of v.stages) {
    const row = byStage.get(s.stageName) ?? { stage: s.stageName, withinTimescale: 0, breached: 0 };
    if (s.breached) row.breached++; else row.withinTimescale++;
    byStage.set(s.stageName, row);
  }
  return {
    title: c.title, partnership: c.partnership, scope: c.scope, generatedAt: c.generatedAt, rootHash: c.rootHash,
    headline: [
      { label: 'Events in the pack', value: String(c.eventCount) },
      { label: 'Records and context streams', value: String(c.streamCount) },
      { label: 'Decisions recorded', value: String(decisions.length) },
      { label: 'Sign-offs completed', value: `${signoffs.filter((s) => s.status === 'completed').length} of ${signoffs.length}` },
      { label: 'Actions (open / overdue)', value: `${actions.length} (${actions.filter((a) => a.status === 'open').length} / ${overdue.length})` },
      { label: 'Escalations (breached a timescale)', value: `${escalations.length} (${escalations.filter((v) => v.breached).length})` },
      ...years.map((y) => ({ label: `Budget ${y.financialYear} (shortfall)`, value: `${gbp(y.totalPence)} (${gbp(y.shortfall.shortfallPence)})` })),
    ],
    actionStatusOverTime: actionStatusOverTime(actions, c.scope),
    escalationsByStage: [...byStage.values()],
    contributions: years.map((y) => ({
      financialYear: y.financialYear, budgetPence: y.totalPence, shortfallPence: y.shortfall.shortfallPence, uncoveredPence: y.underwriting?.uncoveredPence ?? 0,
      partners: y.partners.map((p) => ({ name: p.partnerName ?? p.partnerId, pledgedPence: p.agreedPence + p.inPrinciplePence + p.upToPence, paidPence: p.paidPence, underwrittenPence: p.underwriting?.sharePence ?? 0 })),
    })),
    tables: [
      { title: 'Overdue actions at the end of the period', columns: ['Action', 'Owners', 'Due', 'Text'], rows: capped(overdue.map((a) => [a.actionId, a.owners.map(ownerLabel).join(', '), a.dueDate ?? '', a.text])) },
      { title: 'Decisions', columns: ['Decision', 'Outcome', 'Status', 'Text'], rows: capped(decisions.map((d) => [d.decisionId, d.outcome ?? '', d.status, d.text])) },
      { title: 'Escalations', columns: ['Escalation', 'Stage', 'Status', 'Breached'], rows: capped(escalations.map((v) => [v.escalationId, v.currentStageName, v.status, v.breached ? 'yes' : 'no'])) },
    ],
  };
}
