import type { CaseReviewEvent } from '../../src/case-reviews';
import { caseReviewOpened } from '../../src/case-reviews/testing';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { citingActionRaised } from '../citations/testing/citing-events';
import { storedEventFactory } from '../../src/ledger/testing/stored-events';
import type { CaseReviewDoc } from './case-review-doc';
import { caseReviewsProjection as p } from './case-reviews.projection';
import { matchingView, measure } from './case-reviews.queries';
import { addMonths } from './deadlines';

const stored = storedEventFactory({ step: 3 });
const ev = (e: CaseReviewEvent) => stored(`casereview-${e.data.caseReviewId}`, e.type, e.data);

function project(events: StoredEvent[]): CaseReviewDoc {
  return events.reduce((doc, e) => p.evolve(doc, e), p.initialState('case-review:rr-1'));
}

const caseReviewId = 'rr-1';
// Friday 26 August 2022; Monday 29 August and Monday 19 September 2022 were bank holidays.
const opened = ev(
  caseReviewOpened({ caseReviewId, dataSubjects: [{ subjectId: 'rr-1-child', relation: 'child', name: 'sealed' }] }),
);
const commissioned = [
  ev({ type: 'national-panel-notified', data: { caseReviewId, notifiedOn: '2022-09-01' } }),
  ev({
    type: 'rapid-review-completed',
    data: { caseReviewId, completedOn: '2022-09-21', outcome: 'o', recommendsCspr: true },
  }),
  ev({
    type: 'review-commissioning-decided',
    data: { caseReviewId, decidedOn: '2022-10-10', commission: true, reasons: 'r' },
  }),
];
const delayed = ev({
  type: 'publication-delayed',
  data: { caseReviewId, delayedOn: '2023-03-01', reason: 'pending-inquest', detail: 'Coroner', reviewOn: '2023-06-01' },
});

describe('case reviews projection and its deadlines', () => {
  it('given a rapid review known on the Friday before a bank holiday, then notification is due in 5 and the rapid review in 15 working days', () => {
    const doc = project([opened]);
    const onDue = measure(doc, '2022-09-05');
    expect(onDue.deadlines.map((d) => [d.milestone, d.dueBy, d.status, d.daysRemaining])).toEqual([
      ['notification', '2022-09-05', 'due', 0],
      ['rapid-review', '2022-09-20', 'due', 10],
    ]);
    expect(onDue).toMatchObject({ status: 'notification-due', breached: false });
    const dayAfter = measure(doc, '2022-09-06');
    expect(dayAfter.deadlines[0]).toMatchObject({ status: 'breached', breachedOn: '2022-09-06' });
    expect(dayAfter.breached).toBe(true);
  });

  it('keeps only pseudonymous subject ids in the document: never a sealed personal value', () => {
    expect(project([opened]).dataSubjects).toEqual([{ subjectId: 'rr-1-child', relation: 'child' }]);
  });

  it('given a CSPR, then publication is due 6 months from commissioning, late rapid review shown as late, breached without a delay', () => {
    const view = measure(project([opened, ...commissioned]), '2023-04-11');
    expect(view).toMatchObject({ type: 'cspr', openedAs: 'rapid-review', status: 'commissioned', breached: true });
    expect(view.deadlines.map((d) => [d.milestone, d.status])).toEqual([
      ['notification', 'met'],
      ['rapid-review', 'late'],
      ['publication', 'breached'],
    ]);
    expect(view.deadlines[2]).toMatchObject({ dueBy: '2023-04-10', rule: { version: 'wt-2018', months: 6 } });
  });

  it('given a CSPR delayed pending an inquest, then its publication shows the delay and its reason, not a breach', () => {
    const view = measure(project([opened, ...commissioned, delayed]), '2023-05-01');
    expect(view).toMatchObject({ status: 'publication-delayed', breached: false });
    expect(view.deadlines[2]).toMatchObject({
      status: 'delayed',
      delay: { reason: 'pending-inquest', detail: 'Coroner', reviewOn: '2023-06-01', reviewOverdue: false },
    });
    expect(measure(project([opened, ...commissioned, delayed]), '2023-06-02').deadlines[2].delay?.reviewOverdue).toBe(
      true,
    );
  });

  it('filters by type, status and breached at the measuring date', () => {
    const doc = project([opened]);
    expect(matchingView(doc, { measuredOn: '2022-09-06', breached: true })).toBeDefined();
    expect(matchingView(doc, { measuredOn: '2022-09-05', breached: true })).toBeUndefined();
    expect(matchingView(doc, { measuredOn: '2022-09-05', type: 'sar' })).toBeUndefined();
    expect(matchingView(doc, { measuredOn: '2022-09-05', status: 'notification-due' })).toBeDefined();
    expect(matchingView(p.initialState('case-review:x'), { measuredOn: '2022-09-05' })).toBeUndefined();
  });

  it('adds months to the same day, or the last day of a shorter month', () => {
    expect([addMonths('2022-10-10', 6), addMonths('2022-08-31', 6), addMonths('2023-08-31', 6)]).toEqual([
      '2023-04-10',
      '2023-02-28',
      '2024-02-29',
    ]);
  });
});

describe('what came of a case review (citedBy)', () => {
  const recommendation = { kind: 'case-review-recommendation' as const, id: 'r1', parentId: caseReviewId };
  const raised = (actionId: string, serves?: object[]) => citingActionRaised(stored, actionId, serves);

  it('given actions raised for its recommendation, for another review and for nothing, then only the first is listed, with what it serves', () => {
    const mine = raised('a1', [recommendation, { kind: 'audit', id: 'mash-2022' }]);
    const other = raised('a2', [{ kind: 'case-review', id: 'rr-2' }]);
    expect(p.keysOf(mine)).toEqual(['case-review:rr-1']);
    expect(p.keysOf(other)).toEqual(['case-review:rr-2']);
    expect(p.keysOf(raised('a3'))).toEqual([]);
    const doc = project([opened, mine]);
    expect(doc.citedBy).toEqual([
      expect.objectContaining({ kind: 'action', id: 'a1', serves: [recommendation], streamId: 'action-a1' }),
    ]);
    // The review's own history and revision are its stream's alone.
    expect(doc.history).toHaveLength(1);
    expect(doc.revision).toBe(opened.revision);
  });

  it('lists a decision recorded and a sign-off requested for the review itself', () => {
    const serves = [{ kind: 'case-review', id: caseReviewId }];
    const decision = stored('decision-d1', 'decision-recorded', {
      decisionId: 'd1',
      meetingId: 'm',
      itemNumber: 1,
      outcome: 'approved',
      text: 'SCR approved',
      conditions: [],
      responsiblePartnerIds: [],
      serves,
    });
    const signoff = stored('signoff-s1', 'signoff-requested', {
      signoffId: 's1',
      artefact: { artefactId: 'a', kind: 'report', title: 'SCR', version: 'v1', contentHash: 'h' },
      requiredPartnerIds: ['wcc'],
      serves,
    });
    expect(project([opened, decision, signoff]).citedBy.map((c) => [c.kind, c.id])).toEqual([
      ['decision', 'd1'],
      ['signoff', 's1'],
    ]);
  });
});
