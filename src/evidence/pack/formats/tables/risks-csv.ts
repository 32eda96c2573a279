import { RISK_KEY_PREFIX, type RiskDoc } from '../../../../../projections/risks/risk-doc';
import { risksProjection } from '../../../../../projections/risks/risks.projection';
import { measure, type RiskView } from '../../../../../projections/risks/risks.queries';
import { toCsv, CSV_FORMAT, type CsvFormat } from '../csv';
import { ProjectionTable } from './projection-fold';
import { summaryTable, type SummaryTable } from '../summary-pdf/summary-table';

/** Packs carry risks.csv from CSV format 7 on; verify-pack expects it only in those. */
export const RISKS_CSV_SINCE: CsvFormat = 7;

export const RISK_COLUMNS = [
  'riskId',
  'ownerPartnerId',
  'category',
  'title',
  'description',
  'identifiedOn',
  'status',
  'likelihood',
  'impact',
  'score',
  'pastScores',
  'controlsInForce',
  'reviews',
  'nextReviewDue',
  'reviewOverdue',
  'escalations',
  'closedOn',
  'closureReason',
];

/**
 * The risk register as it stood at the end of the period (`asOf`): one row per risk, its score then,
 * every earlier score (date, likelihood x impact = score), and whether its review was overdue then.
 */
export class RisksTable extends ProjectionTable<RiskDoc> {
  readonly since = RISKS_CSV_SINCE;

  constructor(readonly asOf: string) {
    super('risks.csv', risksProjection);
  }

  views(): RiskView[] {
    return this.fold
      .sorted<RiskDoc>(RISK_KEY_PREFIX)
      .filter((d) => d.exists)
      .map((d) => measure(d, this.asOf));
  }

  csv(format: CsvFormat = CSV_FORMAT): string {
    const rows = this.views().map((v) => [
      v.riskId,
      v.ownerPartnerId,
      v.category,
      v.title,
      v.description,
      v.identifiedOn,
      v.status,
      v.likelihood,
      v.impact,
      v.score,
      v.scores
        .slice(0, -1)
        .map((s) => `${s.scoredOn} ${s.likelihood}x${s.impact}=${s.score}`)
        .join('; '),
      v.controls
        .filter((c) => c.inForce)
        .map((c) => c.controlId)
        .join(';'),
      v.reviews.map((r) => `${r.reviewedOn}: ${r.outcome}`).join('; '),
      v.nextReviewDue,
      v.reviewOverdue,
      v.escalations.map((e) => `${e.escalatedOn} ${e.boardId}${e.meetingId ? ` (${e.meetingId})` : ''}`).join('; '),
      v.closure?.closedOn,
      v.closure?.reason,
    ]);
    return toCsv(RISK_COLUMNS, rows, format);
  }
}

/**
 * summary.pdf's risk register table: each risk open at the period end, highest score first, with
 * its owner, score (likelihood x impact), the score before it, and its next review (flagged when missed).
 */
export function riskSummaryTable(views: RiskView[]): SummaryTable {
  return summaryTable(
    'Risk register: open risks at the end of the period',
    ['Risk', 'Owner', 'Score (likelihood x impact)', 'Previous score', 'Next review due'],
    views
      .filter((v) => v.status === 'open')
      .sort((a, b) => b.score - a.score)
      .map((v) => [
        `${v.title} (${v.category})`,
        v.ownerPartnerId,
        `${v.score} (${v.likelihood} x ${v.impact})`,
        v.scores.length > 1 ? String(v.scores[v.scores.length - 2].score) : '',
        v.nextReviewDue ? `${v.nextReviewDue}${v.reviewOverdue ? ' (overdue)' : ''}` : '',
      ]),
  );
}
