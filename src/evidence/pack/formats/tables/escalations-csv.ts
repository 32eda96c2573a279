import type { StoredEvent } from '../../../../ledger/event-envelope';
import {
  ESCALATION_KEY_PREFIX,
  type EscalationTrailDoc,
  type EscalationTrailDocument,
} from '../../../../../projections/escalations/escalation-trail-doc';
import { escalationTrailProjection } from '../../../../../projections/escalations/escalation-trail.projection';
import { viewAt, type EscalationView } from '../../../../../projections/escalations/stage-measure';
import { WITHHELD_TEXT } from '../../../../privacy';
import { toCsv, CSV_FORMAT, type CsvFormat } from '../csv';
import { ProjectionTable } from './projection-fold';
import { summaryTable, type SummaryTable } from '../summary-pdf/summary-table';

export const ESCALATION_COLUMNS = [
  'escalationId',
  'protocolId',
  'protocolVersion',
  'raisedByAgency',
  'concerningAgency',
  'subject',
  'caseReference',
  'status',
  'currentStage',
  'currentStageName',
  'raisedAt',
  'resolvedAt',
  'closedAt',
  'outcome',
  'breached',
  'breachedStages',
  'stageWorkingDays',
  'timelineEvents',
  'dataSubjects',
];

/** Working days per stage, e.g. "1:3/2;2:6/5" (stage:taken/timescale); "?" when the calendar cannot measure it. */
const stageDays = (v: EscalationView) =>
  v.stages.map((s) => `${s.stage}:${s.workingDays ?? '?'}/${s.timescaleWorkingDays}`).join(';');

/**
 * "child-1 child [personal data withheld]; ...": who is named (pseudonymous ids and relations), never
 * a personal value, sealed or not: the declared fields are withheld by declaration, not by inspection.
 */
const dataSubjects = (v: EscalationView) =>
  (v.dataSubjects ?? []).map((d) => `${d.subjectId} ${d.relation} ${WITHHELD_TEXT}`).join('; ');

/** The escalation log as it stood at the end of the period (`asOf`): one row per escalation, by id. */
export class EscalationsTable extends ProjectionTable<EscalationTrailDocument> {
  constructor(readonly asOf: string) {
    super('escalations.csv', escalationTrailProjection);
  }

  views(): EscalationView[] {
    return this.fold
      .sorted<EscalationTrailDoc>(ESCALATION_KEY_PREFIX)
      .map((d) => viewAt(d, this.asOf))
      .filter((v): v is EscalationView => v !== undefined);
  }

  csv(format: CsvFormat = CSV_FORMAT): string {
    return toCsv(
      ESCALATION_COLUMNS,
      this.views().map((v) => [
        v.escalationId,
        v.protocolId,
        v.protocolVersion,
        v.raisedByAgency,
        v.concerningAgency,
        v.subject,
        v.caseReference,
        v.status,
        v.currentStage,
        v.currentStageName,
        v.raisedAt,
        v.resolvedAt,
        v.closedAt,
        v.outcome,
        v.breached,
        v.breachedStages.join(';'),
        stageDays(v),
        v.timeline.length,
        dataSubjects(v),
      ]),
      format,
    );
  }
}

export function escalationsCsv(events: Iterable<StoredEvent>, asOf: string): string {
  const table = new EscalationsTable(asOf);
  for (const e of events) table.add(e);
  return table.csv();
}

/** summary.pdf's escalations: each one's current stage and whether a timescale was breached. */
export function escalationSummaryTable(escalations: EscalationView[]): SummaryTable {
  return summaryTable(
    'Escalations',
    ['Escalation', 'Stage', 'Status', 'Breached'],
    escalations.map((v) => [v.escalationId, v.currentStageName, v.status, v.breached ? 'yes' : 'no']),
  );
}
