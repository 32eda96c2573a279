import type { PackScope } from '../../../domain/pack-scope';

/** Headline figures and series for summary.pdf; all derived from the pack's own events. */
export interface SummaryInput {
  title: string;
  partnership: string;
  scope: PackScope;
  generatedAt: string;
  rootHash: string;
  headline: { label: string; value: string }[];
  /** Action status counts at the end of each month in the period. */
  actionStatusOverTime: {
    month: string;
    open: number;
    actioned: number;
    closed: number;
    cancelled: number;
    overdue: number;
  }[];
  /** Per protocol stage: escalations that passed through it within its timescale, and those that breached it. */
  escalationsByStage: { stage: string; withinTimescale: number; breached: number }[];
  /** Per partner: contributions (pledged, paid, underwritten) against the budget and the shortfall. */
  contributions: {
    financialYear: string;
    budgetPence: number;
    shortfallPence: number;
    uncoveredPence: number;
    partners: { name: string; pledgedPence: number; paidPence: number; underwrittenPence: number }[];
  }[];
  tables: { title: string; columns: string[]; rows: string[][] }[];
}
