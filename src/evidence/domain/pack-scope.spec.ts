import { checkScope, type PackScope } from './pack-scope';

const scope: PackScope = {
  from: '2022-04-01',
  to: '2023-03-31',
  boardIds: ['wseb'],
  partnerIds: ['warwickshire-police'],
  themes: ['exploitation'],
  records: ['decisions', 'actions'],
};

/** A pack of one case review's chain: no filters, records ['case-reviews']. */
const oneReview: Partial<PackScope> = {
  caseReviewId: 'cr-1',
  records: ['case-reviews'],
  boardIds: [],
  partnerIds: [],
  themes: [],
};

describe('pack scope', () => {
  it('allows a period of one day or more, known record kinds, slug ids and short themes', () => {
    expect(() => checkScope(scope)).not.toThrow();
    expect(() =>
      checkScope({ ...scope, from: '2022-05-10', to: '2022-05-10', boardIds: [], partnerIds: [], themes: [] }),
    ).not.toThrow();
  });

  it("allows one case review's chain with no filters", () => {
    expect(() => checkScope({ ...scope, ...oneReview })).not.toThrow();
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => checkScope({ ...scope, from: '2023-04-01' })).toThrow(
      expect.objectContaining({ code: 'scope-period-reversed', status: 422 }),
    );
  });

  it.each<[string, Partial<PackScope>, string]>([
    ['a date that is not a calendar date', { from: '2022-02-30' }, 'scope.from'],
    ['a timestamp instead of a date', { to: '2023-03-31T00:00:00Z' }, 'scope.to'],
    ['no record kinds', { records: [] }, 'scope.records'],
    ['an unknown record kind', { records: ['minutes' as never] }, 'scope.records'],
    ['a record kind twice', { records: ['actions', 'actions'] }, 'scope.records'],
    ['a board id that is not a slug', { boardIds: ['WSEB Board'] }, 'scope.boardIds'],
    ['a partner id that is not a slug', { partnerIds: [''] }, 'scope.partnerIds'],
    ['more than 20 themes', { themes: Array.from({ length: 21 }, (_, i) => `theme ${i}`) }, 'scope.themes'],
    ['a theme over 80 characters', { themes: ['x'.repeat(81)] }, 'scope.themes'],
    ['a blank theme', { themes: ['  '] }, 'scope.themes'],
    ['a case review id that is not a slug', { ...oneReview, caseReviewId: 'Child M' }, 'scope.caseReviewId'],
    ['a case review with other kinds of record', { ...oneReview, records: ['actions'] }, 'scope.records'],
    ['a case review with a partner filter', { ...oneReview, partnerIds: ['p'] }, 'scope.partnerIds'],
  ])('refuses %s', (_, change, field) => {
    expect(() => checkScope({ ...scope, ...change })).toThrow(
      expect.objectContaining({ code: 'invalid-pack-scope', status: 422, details: { field } }),
    );
  });

  it('allows exactly 20 themes of exactly 80 characters', () => {
    expect(() =>
      checkScope({ ...scope, themes: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(80, 'x')) }),
    ).not.toThrow();
  });
});
