import { INSPECTION_KEY_PREFIX, type InspectionDoc } from '../../../../../projections/inspections/inspection-doc';
import { inspectionsProjection } from '../../../../../projections/inspections/inspections.projection';
import {
  measure,
  type InspectionView,
  type RecommendationView,
} from '../../../../../projections/inspections/inspections.queries';
import { toCsv, CSV_FORMAT, type Cell, type CsvFormat } from '../csv';
import { ProjectionTable } from './projection-fold';
import { summaryTable, type SummaryTable } from '../summary-pdf/summary-table';

/** Packs carry inspections.csv from CSV format 5 on; verify-pack expects it only in those. */
export const INSPECTIONS_CSV_SINCE: CsvFormat = 5;

export const INSPECTION_COLUMNS = [
  'inspectionId',
  'body',
  'bodyName',
  'title',
  'fieldworkFrom',
  'fieldworkTo',
  'publishedOn',
  'reportReference',
  'reportUrl',
  'agenciesInspected',
  'monitoredBy',
  'recommendationId',
  'kind',
  'ownerPartnerId',
  'text',
  'actionIds',
  'status',
  'rag',
  'ragHistory',
  'firstUpdateDue',
  'updates',
  'nextUpdateDue',
  'overdue',
  'closedOn',
  'closureEvidence',
];

function inspectionCells(v: InspectionView): Cell[] {
  return [
    v.inspectionId,
    v.body,
    v.bodyName,
    v.title,
    v.fieldworkFrom,
    v.fieldworkTo,
    v.publishedOn,
    v.reportReference,
    v.reportUrl,
    v.partnerIds.join(';'),
    v.monitoredBy,
  ];
}

function recommendationCells(r: RecommendationView): Cell[] {
  return [
    r.recommendationId,
    r.kind,
    r.ownerPartnerId,
    r.text,
    r.actionIds.join(';'),
    r.status,
    r.rag,
    r.ragHistory.map((h) => `${h.on} ${h.rag}`).join('; '),
    r.firstUpdateDue,
    r.updates.map((u) => `${u.updatedOn}${u.rag ? ` ${u.rag}` : ''}`).join('; '),
    r.nextUpdateDue,
    r.overdue,
    r.closure?.closedOn,
    r.closure?.evidence.map((e) => `${e.streamId}@${e.revision}`).join('; '),
  ];
}

/**
 * The inspections register as it stood at the end of the period (`asOf`): one row per
 * recommendation, its inspection's columns repeated; an inspection with none has one row of its own.
 */
export class InspectionsTable extends ProjectionTable<InspectionDoc> {
  readonly since = INSPECTIONS_CSV_SINCE;

  constructor(readonly asOf: string) {
    super('inspections.csv', inspectionsProjection);
  }

  views(): InspectionView[] {
    return this.fold
      .sorted<InspectionDoc>(INSPECTION_KEY_PREFIX)
      .filter((d) => d.exists)
      .map((d) => measure(d, this.asOf));
  }

  csv(format: CsvFormat = CSV_FORMAT): string {
    const rows = this.views().flatMap((v) =>
      v.recommendations.length === 0
        ? [inspectionCells(v)]
        : v.recommendations.map((r) => [...inspectionCells(v), ...recommendationCells(r)]),
    );
    return toCsv(INSPECTION_COLUMNS, rows, format);
  }
}

const BODY_NAMES: Record<string, string> = {
  jtai: 'JTAI',
  'ofsted-ilacs': 'Ofsted ILACS',
  hmicfrs: 'HMICFRS',
  cqc: 'CQC',
  send: 'SEND',
  hmip: 'HMIP',
};
const bodyName = (v: InspectionView) => v.bodyName ?? BODY_NAMES[v.body ?? ''] ?? v.body ?? '';

/**
 * summary.pdf's inspections table: each recommendation open at the period end, its owner, RAG and
 * next update; an inspection is named on its first row only, so its recommendations read as a group.
 */
export function inspectionSummaryTable(views: InspectionView[]): SummaryTable {
  return summaryTable(
    'Inspections: recommendations open at the end of the period',
    ['Inspection', 'Recommendation', 'Owner', 'RAG', 'Next update due'],
    views.flatMap((v) =>
      v.recommendations
        .filter((r) => r.status === 'open')
        .map((r, i) => [
          i === 0 ? `${v.title} (${bodyName(v)}, published ${v.publishedOn})` : '',
          `${r.recommendationId}: ${r.text}`,
          r.ownerPartnerId,
          r.rag ?? '',
          r.nextUpdateDue ? `${r.nextUpdateDue}${r.overdue ? ' (overdue)' : ''}` : '',
        ]),
    ),
  );
}
