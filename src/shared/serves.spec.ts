import { DomainError } from './domain-errors';
import { checkServes, citesCaseReview, type ServedRecord } from './serves';

const rec = (parentId?: string): ServedRecord => ({ kind: 'case-review-recommendation', id: 'r1', parentId });

function refusal(run: () => void): { code: string; status: number } {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, status: e.status };
  }
  throw new Error('not refused');
}

describe('what a record serves', () => {
  it('given citations each named once and all found, then they pass', () => {
    expect(() => checkServes([rec('a'), rec('b'), { kind: 'audit', id: 'r1' }], [])).not.toThrow();
    expect(() => checkServes(undefined, [])).not.toThrow();
  });

  it('refuses the same record cited twice (422 duplicate-served-record)', () => {
    expect(refusal(() => checkServes([rec('a'), rec('a')], []))).toEqual({
      code: 'duplicate-served-record',
      status: 422,
    });
  });

  it('refuses a citation the handler could not find (422 served-record-not-found)', () => {
    expect(refusal(() => checkServes([rec('a')], [rec('a')]))).toEqual({
      code: 'served-record-not-found',
      status: 422,
    });
  });

  it('leads a finding or recommendation back to its case review, and nothing else to it', () => {
    expect(citesCaseReview(rec('cspr-1'), 'cspr-1')).toBe(true);
    expect(citesCaseReview({ kind: 'case-review', id: 'cspr-1' }, 'cspr-1')).toBe(true);
    expect(citesCaseReview({ kind: 'audit', id: 'cspr-1' }, 'cspr-1')).toBe(false);
    expect(citesCaseReview(rec('cspr-2'), 'cspr-1')).toBe(false);
  });
});
