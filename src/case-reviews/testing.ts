import type { CaseReviewEvent } from './domain/case-review';

type CaseReviewOpened = Extract<CaseReviewEvent, { type: 'case-review-opened' }>;

/**
 * The case-reviews context's testing surface, for specs only (checked by .dependency-cruiser.cjs):
 * the rapid review its decider spec and the read model's spec both open, Child J, known on Friday
 * 26 August 2022 (the Monday after was a bank holiday, which the deadlines count).
 */
export const caseReviewOpened = (data: Partial<CaseReviewOpened['data']> = {}): CaseReviewOpened => ({
  type: 'case-review-opened',
  data: { caseReviewId: 'wsp-rr-2022-03', type: 'rapid-review', title: 'Child J', awareOn: '2022-08-26', ...data },
});
