import { AUDIT_KEY_PREFIX, type AuditDoc } from '../../../../../projections/assurance/audit-doc';
import { auditsProjection } from '../../../../../projections/assurance/audits.projection';
import {
  THEMATIC_REVIEW_KEY_PREFIX,
  type ThematicReviewDoc,
} from '../../../../../projections/assurance/thematic-review-doc';
import { thematicReviewsProjection } from '../../../../../projections/assurance/thematic-reviews.projection';
import { toCsv, CSV_FORMAT, type CsvFormat } from '../csv';
import { ProjectionTable } from './projection-fold';
import { summaryTable, type SummaryTable } from '../summary-pdf/summary-table';

/** Packs carry thematic-reviews.csv and multi-agency-audits.csv from CSV format 6 on; verify-pack expects them only there. */
export const ASSURANCE_CSV_SINCE: CsvFormat = 6;

export const THEMATIC_REVIEW_COLUMNS = [
  'thematicReviewId',
  'title',
  'openedOn',
  'areas',
  'findings',
  'plans',
  'completedOn',
];
export const AUDIT_COLUMNS = [
  'auditId',
  'title',
  'openedOn',
  'themes',
  'asked',
  'returned',
  'returnRate',
  'previousReturnRate',
  'outstanding',
  'findings',
  'closedOn',
  'outstandingReason',
];

/** "training -> police,la: str-police-plan": each finding, the partners it went to, what came of it. */
const findingCell = (f: { findingId: string; partnerIds?: string[]; actionIds: string[] }) =>
  `${f.findingId}${f.partnerIds ? ` -> ${f.partnerIds.join(',')}` : ''}: ${f.actionIds.join(',') || 'no action'}`;

/** "police agreed 2022-11-08 (1 action)": each partner's plan as it stood at the period end. */
const planCell = (p: ThematicReviewDoc['plans'][number]) =>
  `${p.partnerId} ${p.status}${p.lastReportedOn ? ` ${p.lastReportedOn}` : ''} (${p.actions.length} action${p.actions.length === 1 ? '' : 's'})`;

const rate = (percent: number | null | undefined) => (percent === null || percent === undefined ? '' : `${percent}%`);

/** The thematic reviews as they stood at the end of the period: one row per review, by id. */
export class ThematicReviewsTable extends ProjectionTable<ThematicReviewDoc> {
  readonly since = ASSURANCE_CSV_SINCE;

  constructor() {
    super('thematic-reviews.csv', thematicReviewsProjection);
  }

  reviews(): ThematicReviewDoc[] {
    return this.fold.sorted<ThematicReviewDoc>(THEMATIC_REVIEW_KEY_PREFIX).filter((d) => d.exists);
  }

  csv(format: CsvFormat = CSV_FORMAT): string {
    const rows = this.reviews().map((r) => [
      r.thematicReviewId,
      r.title,
      r.openedOn,
      r.areas.join('; '),
      r.findings.map(findingCell).join('; '),
      r.plans.map(planCell).join('; '),
      r.completion?.completedOn,
    ]);
    return toCsv(THEMATIC_REVIEW_COLUMNS, rows, format);
  }
}

/** The multi-agency audits as they stood at the end of the period: one row per audit, by id. */
export class AuditsTable extends ProjectionTable<AuditDoc> {
  readonly since = ASSURANCE_CSV_SINCE;

  constructor() {
    super('multi-agency-audits.csv', auditsProjection);
  }

  audits(): AuditDoc[] {
    return this.fold.sorted<AuditDoc>(AUDIT_KEY_PREFIX).filter((d) => d.exists);
  }

  csv(format: CsvFormat = CSV_FORMAT): string {
    const rows = this.audits().map((a) => [
      a.auditId,
      a.title,
      a.openedOn,
      a.themes.join('; '),
      a.returnRate.asked,
      a.returnRate.returned,
      rate(a.returnRate.percent),
      rate(a.returnRate.previousPercent),
      a.partners
        .filter((p) => !p.returnedOn)
        .map((p) => p.partnerId)
        .join(';'),
      a.findings.map(findingCell).join('; '),
      a.closure?.closedOn,
      a.closure?.outstandingReason,
    ]);
    return toCsv(AUDIT_COLUMNS, rows, format);
  }
}

/** summary.pdf's thematic review table: each partner's plan, one row per review and partner. */
export function thematicPlanSummaryTable(reviews: ThematicReviewDoc[]): SummaryTable {
  return summaryTable(
    'Thematic reviews: each partner plan at the end of the period',
    ['Review', 'Partner', 'Findings', 'Plan', 'Last reported', 'Actions'],
    reviews.flatMap((r) =>
      r.plans.map((p) => [
        r.title,
        p.partnerId,
        p.findingIds.join(', '),
        p.status,
        p.lastReportedOn ?? '',
        String(p.actions.length),
      ]),
    ),
  );
}

/** summary.pdf's audit table: the return rate against last round's, who is outstanding, what came of the findings. */
export function auditSummaryTable(audits: AuditDoc[]): SummaryTable {
  return summaryTable(
    'Multi-agency audits: returns and findings',
    ['Audit', 'Returns', 'Outstanding', 'Findings (actions)', 'Status'],
    audits.map((a) => {
      const { asked, returned, percent, previousPercent } = a.returnRate;
      const last = previousPercent === undefined ? '' : ` (${previousPercent}% last round)`;
      const actions = a.findings.reduce((n, f) => n + f.actionIds.length, 0);
      return [
        a.title,
        `${returned} of ${asked}: ${rate(percent) || 'none asked'}${last}`,
        a.partners
          .filter((p) => !p.returnedOn)
          .map((p) => p.partnerId)
          .join(', '),
        `${a.findings.length} (${actions} action${actions === 1 ? '' : 's'})`,
        a.closure ? `closed ${a.closure.closedOn}` : 'open',
      ];
    }),
  );
}
