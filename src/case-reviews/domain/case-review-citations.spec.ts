import { ServedRecords } from '../../ledger/served-records';
import type { ServedRecord } from '../../shared/serves';
import { CaseReview, type CaseReviewEvent, type CaseReviewState } from './case-review';
import { CASE_REVIEW_CITATIONS } from './case-review-citations';

const opened: CaseReviewEvent = {
  type: 'case-review-opened',
  data: { caseReviewId: 'cspr-1', type: 'serious-case-review', title: 'SCR', awareOn: '2018-01-10' },
};
const recommendation: CaseReviewEvent = {
  type: 'review-finding-recorded',
  data: { caseReviewId: 'cspr-1', findingId: 'r1', kind: 'recommendation', text: 'Share chronologies', actionIds: [] },
};
const states: Record<string, CaseReviewState> = {
  'cspr-1': [opened, recommendation].reduce((s, e) => CaseReview.decider.evolve(s, e), CaseReview.decider.initialState),
};
/** A runner that loads the case reviews above (any other stream is empty). */
const runner = {
  load: (_aggregate: unknown, id: string) =>
    Promise.resolve({ state: states[id] ?? CaseReview.decider.initialState, revision: -1 }),
} as unknown as ConstructorParameters<typeof ServedRecords>[0];
const check = new ServedRecords(runner, [CASE_REVIEW_CITATIONS]);

describe('citing a case review (the SERVED_RECORDS port over CASE_REVIEW_CITATIONS)', () => {
  it('given a review with recommendation r1, then the review and r1 as a recommendation are found', async () => {
    const found: ServedRecord[] = [
      { kind: 'case-review', id: 'cspr-1' },
      { kind: 'case-review-recommendation', id: 'r1', parentId: 'cspr-1' },
    ];
    expect(await check.missing(found)).toEqual([]);
  });

  it('reports a missing review, r1 cited as a finding, an unknown finding and a finding of another review', async () => {
    const missing: ServedRecord[] = [
      { kind: 'case-review', id: 'cspr-9' },
      { kind: 'case-review-finding', id: 'r1', parentId: 'cspr-1' },
      { kind: 'case-review-recommendation', id: 'r2', parentId: 'cspr-1' },
      { kind: 'case-review-recommendation', id: 'r1', parentId: 'cspr-9' },
    ];
    expect(await check.missing(missing)).toEqual(missing);
  });

  it('takes kinds it does not own as given (their own context checks them: served-records.module.spec.ts)', async () => {
    expect(await check.missing([{ kind: 'inspection-recommendation', id: 'hmicfrs-2017-r1' }])).toEqual([]);
  });
});
