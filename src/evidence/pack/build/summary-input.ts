import { businessDay as businessDate } from '../business-day';
import type { ActionHistoryEntry, ActionLogEntry } from '../../../../projections/action-log/action-log-doc';
import type { PackScope } from '../../domain/pack-scope';
import type { MeetingSummary, SummaryInput } from '../formats/summary-pdf/summary-figures';
import { auditSummaryTable, thematicPlanSummaryTable } from '../formats/tables/assurance-csv';
import { overdueActionsSummaryTable } from '../formats/tables/action-log-csv';
import { decisionSummaryTable } from '../formats/tables/decisions-csv';
import { escalationSummaryTable } from '../formats/tables/escalations-csv';
import { attendanceAppendix } from '../formats/tables/attendance-register-csv';
import { caseReviewSummaryTable } from '../formats/tables/case-reviews-csv';
import { inspectionSummaryTable } from '../formats/tables/inspections-csv';
import { riskSummaryTable } from '../formats/tables/risks-csv';
import { forwardPlanSummaryTable } from '../formats/tables/forward-plan-csv';
import type { PackTables } from '../formats/tables/pack-tables';
import { meetingSummaries } from './meetings-summary';

const STATUS_AFTER: Record<string, ActionLogEntry['status'] | undefined> = {
  'action-raised': 'open',
  'action-completed': 'actioned',
  'action-closed': 'closed',
  'action-reopened': 'open',
  'action-cancelled': 'cancelled',
};

/** Last day of each month from `from` to `to` (the last one cut at `to`), as YYYY-MM-DD. */
export function monthEnds(from: string, to: string): { month: string; end: string }[] {
  const out: { month: string; end: string }[] = [];
  for (
    let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7));
    `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7);
    m === 12 ? (y++, (m = 1)) : m++
  ) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push({ month, end: last < to ? last : to });
  }
  return out;
}

/** An action's dated status changes, in history order: worked out once, then read at each month end. */
function transitions(history: ActionHistoryEntry[]): { date: string; status: ActionLogEntry['status'] }[] {
  return history.flatMap((h) =>
    STATUS_AFTER[h.type] ? [{ date: businessDate(h.occurredAt), status: STATUS_AFTER[h.type]! }] : [],
  );
}

/**
 * Action status at each month end, over the months that hold any of the actions' history (a pack
 * asked for 2019 to 2099 still charts only the months with data). Overdue = open at that date and past
 * the date it is due by (its due date, or the meeting it is due back at); the date used is the one
 * the action had at the end of the period (the history does not keep earlier ones).
 */
function actionStatusOverTime(
  actions: ActionLogEntry[],
  historyOf: (actionId: string) => ActionHistoryEntry[],
  dueBy: (action: ActionLogEntry) => string | undefined,
  scope: PackScope,
): SummaryInput['actionStatusOverTime'] {
  const changes = actions.map((a) => ({ due: dueBy(a), changes: transitions(historyOf(a.actionId)) }));
  const dates = changes.flatMap((c) => c.changes.map((t) => t.date)).sort();
  if (dates.length === 0) return [];
  const from = dates[0] > scope.from ? dates[0] : scope.from;
  const to = dates[dates.length - 1] < scope.to ? dates[dates.length - 1] : scope.to;
  return monthEnds(from, to).map(({ month, end }) => {
    const row = { month, open: 0, actioned: 0, closed: 0, cancelled: 0, overdue: 0 };
    for (const { due, changes: list } of changes) {
      let s: ActionLogEntry['status'] | undefined;
      for (const t of list) if (t.date <= end) s = t.status;
      if (!s) continue;
      row[s]++;
      if (s === 'open' && due !== undefined && due < end) row.overdue++;
    }
    return row;
  });
}

const gbp = (pence: number) =>
  `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** "3 (41 / 7)": meetings, then attendances and apologies summed over them. */
const meetingsHeadline = (meetings: MeetingSummary[]) =>
  `${meetings.length} (${meetings.reduce((n, m) => n + m.attending, 0)} / ${meetings.reduce((n, m) => n + m.apologies.length, 0)})`;

/** "7 of 8": returns received of partners asked, over every audit in the pack. */
const auditReturns = (audits: { returnRate: { asked: number; returned: number } }[]) =>
  `${audits.reduce((n, a) => n + a.returnRate.returned, 0)} of ${audits.reduce((n, a) => n + a.returnRate.asked, 0)}`;

export interface SummaryContext {
  title: string;
  partnership: string;
  scope: PackScope;
  generatedAt: string;
  rootHash: string;
  eventCount: number;
  streamCount: number;
}

/** summary.pdf's input, from the same projected documents as the CSVs. */
export function summaryInput(t: PackTables, c: SummaryContext): SummaryInput {
  const actions = t.actionLog.actions();
  const escalations = t.escalations.views();
  const decisions = t.decisions.decisions();
  const signoffs = t.decisions.signoffs();
  const years = t.funding.years();
  const reviews = t.caseReviews.views();
  const inspections = t.inspections.views();
  const recommendations = inspections.flatMap((v) => v.recommendations);
  const thematic = t.thematicReviews.reviews();
  const audits = t.audits.audits();
  const risks = t.risks.views();
  const meetings = meetingSummaries(t.meetings.meetings());
  const overdue = t.actionLog.overdueOn(c.scope.to);
  const byStage = new Map<string, { stage: string; withinTimescale: number; breached: number }>();
  for (const v of escalations)
    for (const s of v.stages) {
      const row = byStage.get(s.stageName) ?? { stage: s.stageName, withinTimescale: 0, breached: 0 };
      if (s.breached) row.breached++;
      else row.withinTimescale++;
      byStage.set(s.stageName, row);
    }
  return {
    title: c.title,
    partnership: c.partnership,
    scope: c.scope,
    generatedAt: c.generatedAt,
    rootHash: c.rootHash,
    headline: [
      { label: 'Events in the pack', value: String(c.eventCount) },
      { label: 'Records and context streams', value: String(c.streamCount) },
      { label: 'Meetings (attendances / apologies)', value: meetingsHeadline(meetings) },
      { label: 'Decisions recorded', value: String(decisions.length) },
      {
        label: 'Sign-offs completed',
        value: `${signoffs.filter((s) => s.status === 'completed').length} of ${signoffs.length}`,
      },
      {
        label: 'Actions (open / overdue)',
        value: `${actions.length} (${actions.filter((a) => a.status === 'open').length} / ${overdue.length})`,
      },
      {
        label: 'Escalations (breached a timescale)',
        value: `${escalations.length} (${escalations.filter((v) => v.breached).length})`,
      },
      {
        label: 'Case reviews (breached a statutory deadline)',
        value: `${reviews.length} (${reviews.filter((v) => v.breached).length})`,
      },
      {
        label: 'Inspection recommendations (open / overdue an update)',
        value: `${recommendations.length} (${recommendations.filter((r) => r.status === 'open').length} / ${recommendations.filter((r) => r.overdue).length})`,
      },
      {
        label: 'Thematic reviews (partner plans complete)',
        value: `${thematic.length} (${thematic.flatMap((r) => r.plans).filter((p) => p.status === 'complete').length} of ${thematic.flatMap((r) => r.plans).length})`,
      },
      { label: 'Multi-agency audits (returns in)', value: `${audits.length} (${auditReturns(audits)})` },
      {
        label: 'Risks (open / review overdue)',
        value: `${risks.length} (${risks.filter((r) => r.status === 'open').length} / ${risks.filter((r) => r.reviewOverdue).length})`,
      },
      ...years.map((y) => ({
        label: `Budget ${budgetLabel(y)} (shortfall)`,
        value: `${gbp(y.totalPence)} (${gbp(y.shortfall.shortfallPence)})`,
      })),
    ],
    actionStatusOverTime: actionStatusOverTime(
      actions,
      (id) => t.actionLog.historyOf(id),
      (a) => t.actionLog.dueBy(a),
      c.scope,
    ),
    escalationsByStage: [...byStage.values()],
    contributions: years.map((y) => ({
      financialYear: budgetLabel(y),
      budgetPence: y.totalPence,
      shortfallPence: y.shortfall.shortfallPence,
      uncoveredPence: y.underwriting?.uncoveredPence ?? 0,
      partners: y.partners.map((p) => ({
        name: p.partnerName ?? p.partnerId,
        pledgedPence: p.agreedPence + p.inPrinciplePence + p.upToPence,
        paidPence: p.paidPence,
        underwrittenPence: p.underwriting?.sharePence ?? 0,
      })),
    })),
    meetings,
    attendanceAppendix: attendanceAppendix(t.attendanceRegister.rows()),
    tables: [
      overdueActionsSummaryTable(overdue),
      decisionSummaryTable(decisions),
      escalationSummaryTable(escalations),
      caseReviewSummaryTable(reviews),
      inspectionSummaryTable(inspections),
      thematicPlanSummaryTable(thematic),
      auditSummaryTable(audits),
      riskSummaryTable(risks),
      forwardPlanSummaryTable(t.forwardPlan.items()),
    ],
  };
}

/** A board's budget is named with its owner; the ledger partnership's, as before, by its year alone. */
const budgetLabel = (y: { ownerId: string | null; financialYear: string }) =>
  y.ownerId === null ? y.financialYear : `${y.financialYear} (${y.ownerId})`;
