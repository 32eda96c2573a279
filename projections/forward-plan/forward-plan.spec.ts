import type { ForwardPlanEvent } from '../../src/forward-plan';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { storedEventFactory } from '../../src/ledger/testing/stored-events';
import type { ForwardPlanDoc } from './forward-plan-doc';
import { forwardPlanProjection as p } from './forward-plan.projection';
import { matchingView } from './forward-plan.queries';

const stored = storedEventFactory({ step: 3 });
const itemId = 'fp-april';
const ev = (e: ForwardPlanEvent) => stored(`forwardplan-${itemId}`, e.type, e.data);
const project = (events: StoredEvent[]): ForwardPlanDoc =>
  events.reduce((doc, e) => p.evolve(doc, e), p.initialState(`forward-plan:${itemId}`));

const planned = ev({
  type: 'forward-plan-item-planned',
  data: {
    itemId,
    boardId: 'wseb',
    target: { meetingId: 'wseb-2023-04-20' },
    month: '2023-04',
    title: 'Police inspection update',
    from: { kind: 'action', id: 'a9' },
  },
});
const movedToMonth = ev({
  type: 'forward-plan-item-moved',
  data: {
    itemId,
    target: { month: '2023-06' },
    month: '2023-06',
    previous: { meetingId: 'wseb-2023-04-20' },
    reason: 'April agenda full',
  },
});

describe('forward plan projection', () => {
  it('given an item planned for a meeting and moved to a month, then it no longer names the meeting', () => {
    const doc = project([planned, movedToMonth]);
    expect(doc).toMatchObject({ status: 'moved', month: '2023-06', moves: [{ to: { month: '2023-06' } }] });
    expect('meetingId' in doc).toBe(false);
    expect(doc.history.map((h) => h.summary)).toEqual([
      'Planned for meeting wseb-2023-04-20, from action a9',
      'Moved from meeting wseb-2023-04-20 to 2023-06: April agenda full',
    ]);
  });

  it('lists an item from its month on, for its board and status only', () => {
    const doc = project([planned, movedToMonth]);
    expect(matchingView(doc, { boardId: 'wseb', fromMonth: '2023-06', status: 'moved' })).toBeDefined();
    expect(matchingView(doc, { fromMonth: '2023-07' })).toBeUndefined();
    expect(matchingView(doc, { boardId: 'wsp' })).toBeUndefined();
    expect(matchingView(doc, { status: 'planned' })).toBeUndefined();
  });
});
