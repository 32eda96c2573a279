import type { CaseReviewEvent } from '../../src/case-reviews';
import type { InspectionBody, InspectionEvent } from '../../src/inspections';
import { addMonths } from '../../src/shared/calendar-months';
import type { SignoffEvent } from '../../src/signoffs';
import { generated } from './ledger';

export type StatutoryEvent = CaseReviewEvent | InspectionEvent | SignoffEvent;
export interface StatutoryAppend {
  streamId: string;
  events: StatutoryEvent[];
}
type Stage = (date: string) => StatutoryAppend;

/**
 * Rates, per generated meeting (each generated meeting stands for one board or subgroup meeting; a
 * partnership holds about 40 a year): a rapid review opened every 3rd meeting (~13 a year; the
 * seeds' cabinet report counts 14 in 2019-20), a quarter of them commissioned as a CSPR (a few a
 * year), and an inspection every 15th meeting (~3 a year: the 2016-17 report has an HMICFRS and a
 * CQC inspection in one year) with eight recommendations, as the police inspection had.
 */
export const RAPID_REVIEW_EVERY = 3;
export const CSPR_SHARE = 0.25;
export const INSPECTION_EVERY = 15;
const RECOMMENDATIONS = 8;
const BODIES: InspectionBody[] = ['hmicfrs', 'cqc', 'ofsted-ilacs', 'jtai'];

/**
 * Case reviews and inspections for the projections bench, each record's later stages appended at
 * later meetings (a review's rapid review three meetings after its notification, a CSPR's
 * publication thirty-odd meetings on, an inspection's updates forty meetings apart), so their
 * streams interleave with the rest of the log as a real one does. Dates are the meeting's date.
 */
export class StatutoryRecords {
  private readonly later = new Map<number, Stage[]>();

  constructor(
    private readonly random: () => number,
    private readonly partners: string[],
  ) {}

  /** What is appended at meeting m: the records opened there and the due stages of earlier ones. */
  at(m: number, boardId: string, date: string): StatutoryAppend[] {
    if (m % RAPID_REVIEW_EVERY === 1) this.caseReview(m, boardId);
    if (m % INSPECTION_EVERY === 7) this.inspection(m);
    const due = this.later.get(m) ?? [];
    this.later.delete(m);
    return due.map((stage) => stage(date));
  }

  private schedule(m: number, stage: Stage): void {
    const stages = this.later.get(m) ?? [];
    stages.push(stage);
    this.later.set(m, stages);
  }

  private caseReview(m: number, boardId: string): void {
    const caseReviewId = `rr-${m}`;
    const streamId = `casereview-${caseReviewId}`;
    const one =
      (e: (date: string) => CaseReviewEvent): Stage =>
      (date) => ({ streamId, events: [e(date)] });
    const cspr = this.random() < CSPR_SHARE;
    const title = `Rapid review ${m}`;
    this.schedule(
      m,
      one((awareOn) => ({
        type: 'case-review-opened',
        data: { caseReviewId, type: 'rapid-review', title, awareOn, boardId },
      })),
    );
    this.schedule(
      m + 1,
      one((notifiedOn) => ({ type: 'national-panel-notified', data: { caseReviewId, notifiedOn } })),
    );
    this.schedule(
      m + 3,
      one((completedOn) => ({
        type: 'rapid-review-completed',
        data: { caseReviewId, completedOn, outcome: 'Learning identified', recommendsCspr: cspr },
      })),
    );
    this.schedule(
      m + 5,
      one((respondedOn) => ({
        type: 'panel-response-recorded',
        data: { caseReviewId, respondedOn, response: 'agrees', summary: 'The Panel agrees with the recommendation' },
      })),
    );
    this.schedule(
      m + 6,
      one((decidedOn) => ({
        type: 'review-commissioning-decided',
        data: { caseReviewId, decidedOn, commission: cspr, reasons: 'As the rapid review recommended' },
      })),
    );
    if (cspr) this.cspr(m, caseReviewId, streamId);
  }

  private cspr(m: number, caseReviewId: string, streamId: string): void {
    const one =
      (e: (date: string) => CaseReviewEvent): Stage =>
      (date) => ({ streamId, events: [e(date)] });
    const signoffId = `${caseReviewId}-signoff`;
    const contentHash = 'cd'.repeat(32);
    this.schedule(
      m + 8,
      one((appointedOn) => ({
        type: 'reviewer-appointed',
        data: { caseReviewId, appointedOn, reviewer: 'Independent reviewer', termsOfReference: 'Agreed by partners' },
      })),
    );
    for (const [k, version] of [
      [20, 'v1'],
      [30, 'v2'],
    ] as const)
      this.schedule(
        m + k,
        one((receivedOn) => ({
          type: 'review-draft-received',
          data: { caseReviewId, version, receivedOn, contentHash },
        })),
      );
    this.schedule(m + 35, () => ({
      streamId: `signoff-${signoffId}`,
      events: generated.signoff(signoffId, `${caseReviewId}-report`, this.partners.slice(0, 3)),
    }));
    this.schedule(
      m + 35,
      one(() => ({ type: 'review-signoff-linked', data: { caseReviewId, signoffId } })),
    );
    const delayed = this.random() < 0.2; // some held for an inquest
    if (delayed)
      this.schedule(
        m + 36,
        one((delayedOn) => ({
          type: 'publication-delayed',
          data: {
            caseReviewId,
            delayedOn,
            reason: 'pending-inquest',
            detail: 'Inquest listed',
            reviewOn: addMonths(delayedOn, 3),
          },
        })),
      );
    this.schedule(
      m + (delayed ? 50 : 36),
      one((publishedOn) => ({ type: 'review-published', data: { caseReviewId, publishedOn, signoffId } })),
    );
    this.schedule(m + 37, () => ({
      streamId,
      events: [1, 2, 3].map((n) => ({
        type: 'review-finding-recorded',
        data: {
          caseReviewId,
          findingId: `f${n}`,
          kind: 'recommendation',
          text: 'Partners to review the practice',
          actionIds: [],
        },
      })),
    }));
    const briefingId = `${caseReviewId}-7min`;
    this.schedule(
      m + 38,
      one(() => ({
        type: 'learning-briefing-drafted',
        data: { caseReviewId, briefingId, format: '7-minute', title: '7 Minute Briefing' },
      })),
    );
    this.schedule(
      m + 45,
      one((publishedOn) => ({
        type: 'learning-briefing-published',
        data: { caseReviewId, briefingId, publishedOn, disseminatedTo: this.partners },
      })),
    );
  }

  private inspection(m: number): void {
    const inspectionId = `insp-${m}`;
    const streamId = `inspection-${inspectionId}`;
    const body = BODIES[((m / INSPECTION_EVERY) % BODIES.length) | 0];
    const inspected = this.partners[Math.floor(this.random() * this.partners.length)];
    const ids = Array.from({ length: RECOMMENDATIONS }, (_, i) => `r${i + 1}`);
    const each =
      (e: (recommendationId: string, date: string) => InspectionEvent | undefined): Stage =>
      (date) => ({ streamId, events: ids.map((id) => e(id, date)).filter((x) => x !== undefined) });
    const skipped = new Set(ids.filter(() => this.random() < 0.1)); // never updated: overdue in the register
    this.schedule(m, (publishedOn) => ({
      streamId,
      events: [
        {
          type: 'inspection-recorded',
          data: {
            inspectionId,
            body,
            title: `Inspection ${m}`,
            fieldworkFrom: publishedOn,
            fieldworkTo: publishedOn,
            publishedOn,
            reportReference: `report-${m}`,
            partnerIds: [inspected],
            monitoredBy: 'Performance subgroup',
          },
        },
      ],
    }));
    this.schedule(
      m + 1,
      each((recommendationId, date) => ({
        type: 'inspection-recommendation-recorded',
        data: {
          inspectionId,
          recommendationId,
          kind: 'recommendation',
          ownerPartnerId: inspected,
          text: 'Improve the quality of referrals',
          actionIds: [],
          nextUpdateDue: addMonths(date, 6),
          dueWithinMonths: 6,
        },
      })),
    );
    for (const [k, rag] of [
      [40, 'amber'],
      [80, 'green'],
    ] as const)
      this.schedule(
        m + k,
        each((recommendationId, updatedOn) =>
          skipped.has(recommendationId)
            ? undefined
            : {
                type: 'recommendation-update-recorded',
                data: {
                  inspectionId,
                  recommendationId,
                  updatedOn,
                  summary: 'Progress reported to the subgroup',
                  rag,
                  nextUpdateDue: addMonths(updatedOn, 6),
                  dueWithinMonths: 6,
                },
              },
        ),
      );
    this.schedule(
      m + 120,
      each((recommendationId, closedOn) =>
        skipped.has(recommendationId)
          ? undefined
          : {
              type: 'recommendation-closed',
              data: {
                inspectionId,
                recommendationId,
                closedOn,
                summary: 'Evidence of change seen by the subgroup',
                evidence: [{ streamId, revision: 0 }],
              },
            },
      ),
    );
  }
}
