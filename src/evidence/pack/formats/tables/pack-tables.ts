import { ActionLogTable } from './action-log-csv';
import { DecisionsTable } from './decisions-csv';
import { EscalationsTable } from './escalations-csv';
import { FundingTable } from './funding-csv';

export interface PackTables {
  actionLog: ActionLogTable;
  escalations: EscalationsTable;
  decisions: DecisionsTable;
  funding: FundingTable;
}

/**
 * The four CSVs, as at the end of the period (`asOf` = scope.to). The builder and the offline
 * verifier both build them here, from the same events, so a recomputed CSV differs only if
 * someone changed the CSV or the events.
 */
export function packTables(asOf: string): PackTables {
  return {
    actionLog: new ActionLogTable(asOf),
    escalations: new EscalationsTable(asOf),
    decisions: new DecisionsTable(),
    funding: new FundingTable(),
  };
}

export const tableList = (t: PackTables) => [t.actionLog, t.escalations, t.decisions, t.funding];
