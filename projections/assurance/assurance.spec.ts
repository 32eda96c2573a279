import type { MultiAgencyAuditEvent, ThematicReviewEvent } from '../../src/assurance';
import { storedEventFactory } from '../../src/ledger/testing/stored-events';
import { matchesAudit, matchesThematicReview } from './assurance.queries';
import { auditsProjection } from './audits.projection';
import { thematicReviewsProjection } from './thematic-reviews.projection';

const stored = storedEventFactory({ step: 3 });
const tr = (e: ThematicReviewEvent) => stored(`thematicreview-${e.data.thematicReviewId}`, e.type, e.data);
const au = (e: MultiAgencyAuditEvent) => stored(`multiagencyaudit-${e.data.auditId}`, e.type, e.data);

describe('thematic reviews projection', () => {
  const thematicReviewId = 'str-2022';
  const id = { thematicReviewId };
  const events = [
    tr({ type: 'thematic-review-opened', data: { ...id, title: 'STR', openedOn: '2022-09-22', areas: ['Training'] } }),
    tr({
      type: 'thematic-finding-recorded',
      data: { ...id, findingId: 'f1', text: 't', partnerIds: ['police', 'la'] },
    }),
    tr({ type: 'thematic-finding-recorded', data: { ...id, findingId: 'f2', text: 't', partnerIds: ['health'] } }),
    tr({ type: 'partner-plan-action-linked', data: { ...id, partnerId: 'la', findingId: 'f1', actionId: 'a1' } }),
    tr({
      type: 'partner-plan-progress-recorded',
      data: { ...id, partnerId: 'la', reportedOn: '2022-11-08', status: 'in-progress', summary: 's' },
    }),
  ];
  const doc = events.reduce(
    (d, e) => thematicReviewsProjection.evolve(d, e),
    thematicReviewsProjection.initialState(`thematic-review:${thematicReviewId}`),
  );

  it('given findings to three partners and one plan reported, then each plan stands on its own and each finding shows its actions', () => {
    expect(doc.plans.map((p) => [p.partnerId, p.findingIds, p.status, p.actions.length])).toEqual([
      ['police', ['f1'], 'awaiting-plan', 0],
      ['la', ['f1'], 'in-progress', 1],
      ['health', ['f2'], 'awaiting-plan', 0],
    ]);
    expect(doc.findings.map((f) => [f.findingId, f.actionIds])).toEqual([
      ['f1', ['a1']],
      ['f2', []],
    ]);
    expect(matchesThematicReview(doc, { open: true, partnerId: 'health' })).toBe(true);
    expect(matchesThematicReview(doc, { partnerId: 'fire' })).toBe(false);
  });
});

describe('multi-agency audits projection', () => {
  const auditId = 'mash-2022';
  const id = { auditId };
  const events = [
    au({
      type: 'audit-opened',
      data: { ...id, title: 'MASH', openedOn: '2022-09-22', themes: ['x'], previousReturnRate: 74 },
    }),
    au({
      type: 'audit-returns-requested',
      data: { ...id, partnerIds: ['police', 'health', 'la', 'edu'], askedOn: '2022-10-01' },
    }),
    au({ type: 'audit-return-received', data: { ...id, partnerId: 'police', returnedOn: '2022-10-10' } }),
    au({ type: 'audit-return-received', data: { ...id, partnerId: 'health', returnedOn: '2022-10-11' } }),
    au({ type: 'audit-return-received', data: { ...id, partnerId: 'la', returnedOn: '2022-10-12' } }),
  ];
  const doc = events.reduce((d, e) => auditsProjection.evolve(d, e), auditsProjection.initialState(`audit:${auditId}`));

  it("given four partners asked and three returns, then the return rate is 75% against last year's 74%", () => {
    expect(doc.returnRate).toEqual({ asked: 4, returned: 3, percent: 75, previousPercent: 74 });
    expect(doc.partners.find((p) => p.partnerId === 'edu')?.returnedOn).toBeUndefined();
    expect(matchesAudit(doc, { open: true, partnerId: 'edu' })).toBe(true);
    expect(matchesAudit(doc, { open: false })).toBe(false);
  });
});

describe('what came of an audit and a thematic review (citedBy)', () => {
  const decided = (decisionId: string, serves: object[]) =>
    stored(`decision-${decisionId}`, 'decision-recorded', {
      decisionId,
      meetingId: 'm',
      itemNumber: 1,
      outcome: 'approved',
      text: 't',
      conditions: [],
      responsiblePartnerIds: [],
      serves,
    });
  const finding = { kind: 'audit-finding' as const, id: 'f1', parentId: 'mash-2022' };
  const review = { kind: 'thematic-review' as const, id: 'str-2022' };
  const d1 = decided('d1', [finding, review]);

  it('given a decision citing an audit finding and a thematic review, then each lists it with only what it serves of that record', () => {
    expect(auditsProjection.keysOf(d1)).toEqual(['audit:mash-2022']);
    expect(thematicReviewsProjection.keysOf(d1)).toEqual(['thematic-review:str-2022']);
    const audit = auditsProjection.evolve(auditsProjection.initialState('audit:mash-2022'), d1);
    const thematic = thematicReviewsProjection.evolve(
      thematicReviewsProjection.initialState('thematic-review:str-2022'),
      d1,
    );
    expect(audit.citedBy).toEqual([expect.objectContaining({ kind: 'decision', id: 'd1', serves: [finding] })]);
    expect(thematic.citedBy).toEqual([expect.objectContaining({ kind: 'decision', id: 'd1', serves: [review] })]);
    expect(audit.history).toEqual([]);
  });

  it('given a decision citing neither, then neither register is keyed by it', () => {
    const other = decided('d2', [{ kind: 'audit', id: 'schools-2019' }]);
    expect(auditsProjection.keysOf(other)).toEqual(['audit:schools-2019']);
    expect(thematicReviewsProjection.keysOf(other)).toEqual([]);
  });
});
