import { ActionLogTable } from './action-log-csv';
import { AuditsTable, ThematicReviewsTable } from './assurance-csv';
import { AttendanceRegisterTable } from './attendance-register-csv';
import { CaseReviewsTable } from './case-reviews-csv';
import { DecisionsTable } from './decisions-csv';
import { EscalationsTable } from './escalations-csv';
import { ForwardPlanTable } from './forward-plan-csv';
import { FundingTable } from './funding-csv';
import { InspectionsTable } from './inspections-csv';
import { AttendanceTable, MeetingsTable } from './meetings-csv';
import { RisksTable } from './risks-csv';
import { SpendingTable } from './spending-csv';
import type { PackTable } from './projection-fold';

export interface PackTables {
  actionLog: ActionLogTable;
  escalations: EscalationsTable;
  decisions: DecisionsTable;
  funding: FundingTable;
  meetings: MeetingsTable;
  attendance: AttendanceTable;
  attendanceRegister: AttendanceRegisterTable;
  caseReviews: CaseReviewsTable;
  inspections: InspectionsTable;
  thematicReviews: ThematicReviewsTable;
  audits: AuditsTable;
  risks: RisksTable;
  forwardPlan: ForwardPlanTable;
  spending: SpendingTable;
}

/**
 * The CSVs, as at the end of the period (`asOf` = scope.to). The builder and the offline
 * verifier both build them here, from the same events, so a recomputed CSV differs only if
 * someone changed the CSV or the events.
 */
export function packTables(asOf: string): PackTables {
  const meetings = new MeetingsTable();
  return {
    actionLog: new ActionLogTable(asOf),
    escalations: new EscalationsTable(asOf),
    decisions: new DecisionsTable(),
    funding: new FundingTable(),
    meetings,
    attendance: new AttendanceTable(meetings),
    attendanceRegister: new AttendanceRegisterTable(meetings),
    caseReviews: new CaseReviewsTable(asOf),
    inspections: new InspectionsTable(asOf),
    thematicReviews: new ThematicReviewsTable(),
    audits: new AuditsTable(),
    risks: new RisksTable(asOf),
    forwardPlan: new ForwardPlanTable(),
    spending: new SpendingTable(),
  };
}

export const tableList = (t: PackTables): PackTable[] => [
  t.actionLog,
  t.escalations,
  t.decisions,
  t.funding,
  t.meetings,
  t.attendance,
  t.attendanceRegister,
  t.caseReviews,
  t.inspections,
  t.thematicReviews,
  t.audits,
  t.risks,
  t.forwardPlan,
  t.spending,
];
