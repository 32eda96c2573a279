import type { PackScope } from '../../../domain/pack-scope';
import type { SummaryTable } from './summary-table';

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
  /** The pack's meetings in date order: who attended, and what each decided and raised. */
  meetings: MeetingSummary[];
  /** The annual report's attendance appendix: one table per board and financial year, members by seat. */
  attendanceAppendix: AttendanceAppendixTable[];
  /** The registers' tables (summary-table.ts), each declared beside the CSV it summarises. */
  tables: SummaryTable[];
}

/** One board's year of recorded attendance: a row per member, already in print (attendance-register-csv.ts). */
export interface AttendanceAppendixTable {
  boardId: string;
  financialYear: string;
  rows: string[][];
}

/** One meeting as the summary shows it; people are named by their (professional) person ids. */
export interface MeetingSummary {
  meetingId: string;
  /** Business date (YYYY-MM-DD, Europe/London) of the meeting. */
  date: string;
  boardId: string;
  title: string;
  /** Everyone in the attendance list but those who sent apologies (deputies included). */
  attending: number;
  apologies: string[];
  /** "deputy for member", one per seat covered. */
  deputies: string[];
  decisions: { item: string; decisionId: string; outcome: string; text: string }[];
  actions: { item: string; actionId: string; owners: string; due: string; text: string }[];
}
