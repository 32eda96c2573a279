import { CASE_REVIEW_KEY_PREFIX, type CaseReviewDoc } from '../../../../../projections/case-reviews/case-review-doc';
import { caseReviewsProjection } from '../../../../../projections/case-reviews/case-reviews.projection';
import { measure, type CaseReviewView } from '../../../../../projections/case-reviews/case-reviews.queries';
import type { DeadlineView } from '../../../../../projections/case-reviews/deadlines';
import { toCsv, CSV_FORMAT, type CsvFormat } from '../csv';
import { ProjectionTable } from './projection-fold';
import { summaryTable, type SummaryTable } from '../summary-pdf/summary-table';

/** Packs carry case-reviews.csv from CSV format 4 on; verify-pack expects it only in those. */
export const CASE_REVIEWS_CSV_SINCE: CsvFormat = 4;

export const CASE_REVIEW_COLUMNS = [
  'caseReviewId',
  'type',
  'openedAs',
  'title',
  'status',
  'awareOn',
  'notifiedOn',
  'notification',
  'rapidReviewCompletedOn',
  'rapidReview',
  'panelResponses',
  'commissioned',
  'commissioningDecidedOn',
  'reviewer',
  'drafts',
  'signoffIds',
  'publication',
  'publishedOn',
  'delayReason',
  'delayReviewOn',
  'breached',
  'findings',
  'briefings',
  'dataSubjects',
];

/** "due by 2022-09-05: breached (wt-2018)": the clock as it stood at the pack's end date, and the rule it ran by. */
function clock(v: CaseReviewView, milestone: DeadlineView['milestone']): string | undefined {
  const d = v.deadlines.find((x) => x.milestone === milestone);
  return d && `due by ${d.dueBy ?? '?'}: ${d.status} (${d.rule.version})`;
}

/** The case review register as it stood at the end of the period (`asOf`): one row per review, by id. */
export class CaseReviewsTable extends ProjectionTable<CaseReviewDoc> {
  readonly since = CASE_REVIEWS_CSV_SINCE;

  constructor(readonly asOf: string) {
    super('case-reviews.csv', caseReviewsProjection);
  }

  views(): CaseReviewView[] {
    return this.fold
      .sorted<CaseReviewDoc>(CASE_REVIEW_KEY_PREFIX)
      .filter((d) => d.exists)
      .map((d) => measure(d, this.asOf));
  }

  csv(format: CsvFormat = CSV_FORMAT): string {
    return toCsv(
      CASE_REVIEW_COLUMNS,
      this.views().map((v) => {
        const delay = v.delays.at(-1);
        return [
          v.caseReviewId,
          v.type,
          v.openedAs,
          v.title,
          v.status,
          v.awareOn,
          v.notifiedOn,
          clock(v, 'notification'),
          v.rapidReview?.completedOn,
          clock(v, 'rapid-review'),
          v.panelResponses.map((r) => `${r.respondedOn} ${r.response}`).join('; '),
          v.commissioning?.commission,
          v.commissioning?.decidedOn,
          v.reviewer?.reviewer,
          v.drafts.map((d) => d.version).join(';'),
          v.signoffIds.join(';'),
          clock(v, 'publication'),
          v.publication?.publishedOn,
          delay?.reason,
          delay?.reviewOn,
          v.breached,
          v.findings.map((f) => `${f.findingId} ${f.kind} -> ${f.actionIds.join(',') || 'no action'}`).join('; '),
          v.briefings.map((b) => `${b.briefingId} ${b.format} ${b.status}`).join('; '),
          // Pseudonymous ids and relations only: the names stay sealed in events.ndjson.
          v.dataSubjects.map((s) => `${s.subjectId} ${s.relation}`).join('; '),
        ];
      }),
      format,
    );
  }
}

/** summary.pdf's case-review table: each review, its status, every clock at the period end, and any delay with its reason. */
export function caseReviewSummaryTable(views: CaseReviewView[]): SummaryTable {
  return summaryTable(
    'Case reviews: statutory deadlines at the end of the period',
    ['Review', 'Type', 'Status', 'Deadlines', 'Publication delay'],
    views.map((v) => {
      const delay = v.delays.at(-1);
      return [
        `${v.caseReviewId} (${v.title})`,
        v.type ?? '',
        v.status,
        v.deadlines.map((d) => `${d.milestone}: ${d.status}${d.dueBy ? ` (due ${d.dueBy})` : ''}`).join('; '),
        delay ? `${delay.reason}, review ${delay.reviewOn}` : '',
      ];
    }),
  );
}
