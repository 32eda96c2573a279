import type { RiskEvent } from '../../src/risks';
import { riskRecorded } from '../../src/risks/testing';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { storedEventFactory } from '../../src/ledger/testing/stored-events';
import type { RiskDoc } from './risk-doc';
import { risksProjection as p } from './risks.projection';
import { matchingView, measure } from './risks.queries';

const stored = storedEventFactory({ step: 3 });
const ev = (e: RiskEvent) => stored(`risk-${e.data.riskId}`, e.type, e.data);
const project = (riskId: string, events: StoredEvent[]): RiskDoc =>
  events.reduce((doc, e) => p.evolve(doc, e), p.initialState(`risk:${riskId}`));

const recorded = (riskId: string, ownerPartnerId: string, category: 'workforce' | 'financial') =>
  ev(riskRecorded({ riskId, ownerPartnerId, category }));
const id = { riskId: 'r1' };
const r1 = project('r1', [
  recorded('r1', 'wcc', 'workforce'),
  ev({ type: 'risk-control-added', data: { ...id, controlId: 'c1', addedOn: '2019-02-01', description: 'Campaign' } }),
  // Keyed after the review below, but scored before it: the register reads business dates.
  ev({ type: 'risk-reviewed', data: { ...id, reviewedOn: '2019-07-01', outcome: 'No new risks identified' } }),
  ev({ type: 'risk-rescored', data: { ...id, scoredOn: '2019-05-01', likelihood: 2, impact: 4, reason: 'Filled' } }),
  ev({ type: 'risk-control-removed', data: { ...id, controlId: 'c1', removedOn: '2019-06-01', reason: 'Ended' } }),
  ev({ type: 'risk-escalated', data: { ...id, escalatedOn: '2019-03-01', boardId: 'wseb', reason: 'Score 16' } }),
]);
const r2 = project('r2', [
  recorded('r2', 'police', 'financial'),
  ev({ type: 'risk-closed', data: { riskId: 'r2', closedOn: '2019-03-01', reason: 'Funding agreed' } }),
]);

describe('risks projection: scores over time and overdue reviews', () => {
  it('given a rescoring, then the score is likelihood x impact as it stood on the measuring date, with the past scores', () => {
    expect(measure(r1, '2019-04-30')).toMatchObject({ likelihood: 4, impact: 4, score: 16 });
    const may = measure(r1, '2019-05-01');
    expect(may).toMatchObject({ likelihood: 2, impact: 4, score: 8 });
    expect(may.scores.map((s) => [s.scoredOn, s.score])).toEqual([
      ['2019-01-10', 16],
      ['2019-05-01', 8],
    ]);
  });

  it('given the first review due on 10 April and not held, then it is overdue the day after, not on the day', () => {
    expect(measure(r1, '2019-04-10')).toMatchObject({ nextReviewDue: '2019-04-10', reviewOverdue: false });
    expect(measure(r1, '2019-04-11')).toMatchObject({ reviewOverdue: true });
  });

  it('given a review that sets no next date, then nothing is due after it; a control is in force until removed', () => {
    const july = measure(r1, '2019-07-01');
    expect(july).toMatchObject({ reviewOverdue: false, reviews: [{ outcome: 'No new risks identified' }] });
    expect(july).not.toHaveProperty('nextReviewDue');
    expect(measure(r1, '2019-05-31').controls).toMatchObject([{ controlId: 'c1', inForce: true }]);
    expect(july.controls).toMatchObject([{ controlId: 'c1', inForce: false, removalReason: 'Ended' }]);
    expect(measure(r1, '2019-02-28').escalations).toEqual([]);
    expect(july.escalations).toMatchObject([{ boardId: 'wseb' }]);
  });

  it('given a closed risk, then it is closed from its closing date and its review is never overdue after', () => {
    expect(measure(r2, '2019-02-28')).toMatchObject({ status: 'open' });
    expect(measure(r2, '2019-02-28')).not.toHaveProperty('closure');
    expect(measure(r2, '2019-05-01')).toMatchObject({ status: 'closed', reviewOverdue: false, closure: {} });
  });

  it('filters by owner partner, category, status and overdue review', () => {
    const ids = (q: object) =>
      [r1, r2].flatMap((doc) => matchingView(doc, { measuredOn: '2019-04-20', ...q })?.riskId ?? []);
    expect(ids({})).toEqual(['r1', 'r2']);
    expect(ids({ ownerPartnerId: 'police' })).toEqual(['r2']);
    expect(ids({ category: 'workforce' })).toEqual(['r1']);
    expect(ids({ status: 'closed' })).toEqual(['r2']);
    expect(ids({ overdue: true })).toEqual(['r1']);
    expect(ids({ overdue: false, status: 'open' })).toEqual([]);
    expect(matchingView(p.initialState('risk:x'), { measuredOn: '2019-04-20' })).toBeUndefined();
  });

  it('keeps each event in the history with its summary', () => {
    expect(r1.history.map((h) => h.summary)).toEqual([
      'Recorded Social work vacancies (workforce, wcc), scored 16',
      'Control c1 added',
      'Reviewed on 2019-07-01: No new risks identified',
      'Rescored 8 on 2019-05-01',
      'Control c1 removed on 2019-06-01',
      'Escalated to wseb on 2019-03-01',
    ]);
  });
});
