import type { InspectionEvent } from '../../src/inspections';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { citingActionRaised } from '../citations/testing/citing-events';
import { storedEventFactory } from '../../src/ledger/testing/stored-events';
import type { InspectionDoc } from './inspection-doc';
import { inspectionsProjection as p } from './inspections.projection';
import { matchingView, measure } from './inspections.queries';
import { POLICE_INSPECTION_2022 } from '../../test/support/recorded-examples';

const stored = storedEventFactory({ step: 3 });
const ev = (e: InspectionEvent) => stored(`inspection-${e.data.inspectionId}`, e.type, e.data);
const project = (events: StoredEvent[]): InspectionDoc =>
  events.reduce((doc, e) => p.evolve(doc, e), p.initialState('inspection:hmicfrs-2022'));

const inspectionId = 'hmicfrs-2022';
const at = (recommendationId: string) => ({ inspectionId, recommendationId });
const recorded = ev({
  type: 'inspection-recorded',
  data: {
    inspectionId,
    ...POLICE_INSPECTION_2022,
    partnerIds: ['police', 'wcc'],
  },
});
const recommendation = (recommendationId: string, ownerPartnerId = 'police') =>
  ev({
    type: 'inspection-recommendation-recorded',
    data: {
      ...at(recommendationId),
      kind: 'recommendation',
      ownerPartnerId,
      text: 't',
      actionIds: [],
      nextUpdateDue: '2023-02-09',
      dueWithinMonths: 6,
    },
  });
const update = ev({
  type: 'recommendation-update-recorded',
  data: { ...at('r2'), updatedOn: '2023-02-07', summary: 'Refreshed', rag: 'amber', nextUpdateDue: '2023-08-07' },
});
const green = ev({
  type: 'recommendation-rag-set',
  data: { ...at('r2'), setOn: '2023-05-01', rag: 'green', reason: 'Audit shows it embedded' },
});
const closed = ev({
  type: 'recommendation-closed',
  data: { ...at('r3'), closedOn: '2023-01-10', summary: 'Done', evidence: [{ streamId: 'action-a1', revision: 2 }] },
});
const doc = project([
  recorded,
  recommendation('r1'),
  recommendation('r2'),
  recommendation('r3', 'wcc'),
  update,
  green,
  closed,
]);

describe('inspections projection and its overdue updates', () => {
  it('given a first update due six months after publication and missed, then it is overdue the day after, not on the day', () => {
    const r1 = (on: string) => measure(doc, on).recommendations[0];
    expect(r1('2023-02-09')).toMatchObject({ status: 'open', nextUpdateDue: '2023-02-09', overdue: false });
    expect(r1('2023-02-10')).toMatchObject({ overdue: true });
  });

  it('given an update setting the next due date, then that date is in force from the update on, with the RAG status over time', () => {
    const r2 = (on: string) => measure(doc, on).recommendations[1];
    expect(r2('2023-02-08')).toMatchObject({ nextUpdateDue: '2023-08-07', overdue: false, rag: 'amber' });
    expect(r2('2023-02-06')).not.toHaveProperty('rag');
    expect(r2('2023-06-01')).toMatchObject({ rag: 'green' });
    expect(r2('2023-06-01').ragHistory.map((h) => [h.on, h.rag, h.setBy])).toEqual([
      ['2023-02-07', 'amber', 'update'],
      ['2023-05-01', 'green', 'review'],
    ]);
  });

  it('given a closed recommendation, then it is closed from its closing date and never overdue after', () => {
    const view = measure(doc, '2023-03-01');
    expect(view.recommendations[2]).toMatchObject({ status: 'closed', overdue: false });
    expect(view.recommendations[2]).not.toHaveProperty('nextUpdateDue');
    expect(view.counts).toEqual({ open: 2, overdue: 1, closed: 1 });
    expect(measure(doc, '2023-01-09').recommendations[2].status).toBe('open');
  });

  it('filters inspections by body and inspected partner, and recommendations by owner, status and overdue', () => {
    const ids = (q: object) =>
      matchingView(doc, { measuredOn: '2023-03-01', ...q })?.recommendations.map((r) => r.recommendationId);
    expect(ids({})).toEqual(['r1', 'r2', 'r3']);
    expect(ids({ overdue: true })).toEqual(['r1']);
    expect(ids({ status: 'open', ownerPartnerId: 'police' })).toEqual(['r1', 'r2']);
    expect(ids({ ownerPartnerId: 'wcc', status: 'open' })).toBeUndefined();
    expect(ids({ body: 'cqc' })).toBeUndefined();
    expect(ids({ inspectedPartnerId: 'wcc' })).toEqual(['r1', 'r2', 'r3']);
    expect(matchingView(p.initialState('inspection:x'), { measuredOn: '2023-03-01' })).toBeUndefined();
  });

  it('keeps each event in the history with its summary', () => {
    expect(doc.history.map((h) => h.type)).toEqual([
      'inspection-recorded',
      'inspection-recommendation-recorded',
      'inspection-recommendation-recorded',
      'inspection-recommendation-recorded',
      'recommendation-update-recorded',
      'recommendation-rag-set',
      'recommendation-closed',
    ]);
    expect(doc.history[6].summary).toBe('r3 closed on 2023-01-10, citing action-a1@2');
  });
});

describe('what came of an inspection (citedBy)', () => {
  const r1 = { kind: 'inspection-recommendation' as const, id: 'r1', parentId: inspectionId };
  const raised = (actionId: string, serves?: object[]) => citingActionRaised(stored, actionId, serves);

  it('given an action raised for its recommendation r1, then the inspection and r1 list it, and r2 does not', () => {
    const mine = raised('a1', [r1, { kind: 'case-review', id: 'rr-1' }]);
    expect(p.keysOf(mine)).toEqual([`inspection:${inspectionId}`]);
    expect(p.keysOf(raised('a2', [{ ...r1, parentId: 'cqc-2016' }]))).toEqual(['inspection:cqc-2016']);
    expect(p.keysOf(raised('a3'))).toEqual([]);
    const cited = project([recorded, recommendation('r1'), recommendation('r2'), mine]);
    const citation = expect.objectContaining({ kind: 'action', id: 'a1', serves: [r1], streamId: 'action-a1' });
    expect(cited.citedBy).toEqual([citation]);
    const view = measure(cited, '2023-03-01');
    expect(view.citedBy).toEqual([citation]);
    expect(view.recommendations.map((r) => [r.recommendationId, r.citedBy.map((c) => c.id)])).toEqual([
      ['r1', ['a1']],
      ['r2', []],
    ]);
    // The inspection's own history and revision are its stream's alone.
    expect(cited.history).toHaveLength(3);
    expect(cited.revision).toBe(project([recorded, recommendation('r1'), recommendation('r2')]).revision);
  });
});
