import type { TokenClaims } from '../../src/auth/mint-token';
import { eventCount, expectProblem, send } from '../support/http';
import { messages, openStream, readUntil } from '../support/sse';
import { asOfSuite } from '../read-models/support/as-of-suite';
import { startListeningProjectionsApp, type ProjectionsTestApp } from '../read-models/support/projections-app';
import { FORWARD_PLAN_ACTION_2022_09_22, WSEB_2022_09_22, WSEB_2022_09_22_ITEM_9 } from '../support/recorded-examples';

/**
 * The forward plan over HTTP (issue 17 item 2), on what the WSEB minutes of 22 September 2022 record:
 * item 9's action "Item to be added to WSEB forward plan for April 2023 meeting" (owner CJ), and item
 * 3's "Item to be added to WS forward plan for next year's annual report". The April meeting's day
 * (20 April 2023), the day it was set, the agenda item number and the dropped item are illustrative.
 */
let t: ProjectionsTestApp;
const { positions, get, on, meetingWithItem } = asOfSuite(() => t, '10');
const admin: Partial<TokenClaims> = { userId: 'admin-1', role: 'admin' };
const ITEM = 'wseb-fp-2023-04-mash-health';
const LADO = 'wseb-fp-lado-annual-report';
const ids = (body: { items: { itemId: string }[] }) => body.items.map((i) => i.itemId);

beforeAll(async () => {
  t = await startListeningProjectionsApp();
  for (const [boardId, name] of [
    ['wseb', 'Warwickshire Safeguarding Executive Board'],
    ['wsp', 'Warwickshire Safeguarding Partnership'],
  ])
    await on(
      '2016-04-01',
      boardId,
      '/boards',
      { boardId, name, kind: boardId === 'wseb' ? 'executive-board' : 'partnership-board' },
      admin,
    );
  await meetingWithItem('2022-09-22', WSEB_2022_09_22, WSEB_2022_09_22_ITEM_9, {
    action: FORWARD_PLAN_ACTION_2022_09_22,
  });
  await on('2022-09-22', 'planned', '/forward-plan', {
    itemId: ITEM,
    boardId: 'wseb',
    month: '2023-04',
    title: 'Health staff in the MASH at weekends',
    from: { kind: 'action', id: 'wseb-2022-09-22-a9' },
  });
  await on('2022-09-22', 'lado', '/forward-plan', {
    itemId: LADO,
    boardId: 'wseb',
    month: '2023-09',
    title: "LADO annual report, for next year's annual report",
    from: { kind: 'other' },
  });
  await on('2022-09-22', 'spare', '/forward-plan', {
    itemId: 'wseb-fp-illustrative-dropped',
    boardId: 'wseb',
    month: '2023-01',
    title: 'Illustrative: an item later dropped',
    from: { kind: 'other' },
  });
  await on('2022-11-01', 'dropped', '/forward-plan/wseb-fp-illustrative-dropped/drop', { reason: 'Covered elsewhere' });
  await on('2023-01-10', 'april', '/meetings', {
    meetingId: 'wseb-2023-04-20',
    boardId: 'wseb',
    scheduledFor: '2023-04-20T10:00:00Z',
  });
  await on('2023-01-10', 'wsp-april', '/meetings', {
    meetingId: 'wsp-2023-04-25',
    boardId: 'wsp',
    scheduledFor: '2023-04-25T10:00:00Z',
  });
  await on('2023-01-10', 'moved', `/forward-plan/${ITEM}/move`, {
    meetingId: 'wseb-2023-04-20',
    reason: 'The April meeting is set',
  });
  await on('2023-04-20', 'agenda', '/meetings/wseb-2023-04-20/agenda-items', {
    itemNumber: 5,
    title: 'Health staff in the MASH at weekends',
  });
  await on('2023-04-20', 'taken', `/forward-plan/${ITEM}/agenda`, { meetingId: 'wseb-2023-04-20', agendaItem: 5 });
});
afterAll(() => t.close());

describe('forward plan (e2e)', () => {
  it('given an item planned for April 2023 from an action, moved to the April meeting, then taken onto its agenda', async () => {
    const res = await get(`/forward-plan/${ITEM}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      boardId: 'wseb',
      from: { kind: 'action', id: 'wseb-2022-09-22-a9' },
      meetingId: 'wseb-2023-04-20',
      month: '2023-04',
      status: 'taken',
      moves: [{ from: { month: '2023-04' }, to: { meetingId: 'wseb-2023-04-20' }, reason: 'The April meeting is set' }],
      agenda: { meetingId: 'wseb-2023-04-20', agendaItem: 5 },
    });
    const history = await get(`/forward-plan/${ITEM}/history`);
    expect(history.body.entries.map((e: { type: string }) => e.type)).toEqual([
      'forward-plan-item-planned',
      'forward-plan-item-moved',
      'forward-plan-item-taken',
    ]);
  });

  it("lists a board's plan from a month on, by status", async () => {
    expect(ids((await get('/forward-plan?boardId=wseb')).body)).toEqual([ITEM, 'wseb-fp-illustrative-dropped', LADO]); // by id
    expect(ids((await get('/forward-plan?boardId=wseb&fromMonth=2023-05')).body)).toEqual([LADO]);
    expect(ids((await get('/forward-plan?status=dropped')).body)).toEqual(['wseb-fp-illustrative-dropped']);
    expect(ids((await get('/forward-plan?boardId=wsp')).body)).toEqual([]);
  });

  it('answers the plan as of a past date: planned for the month, then moved to the meeting', async () => {
    const december = await get(`/as-of/forward-plan/${ITEM}?knownAt=2022-12-31`);
    expect(december.status).toBe(200);
    expect(december.body).toMatchObject({ status: 'planned', month: '2023-04', moves: [] });
    expect(december.body.meetingId).toBeUndefined();
    const february = await get(`/as-of/forward-plan?knownAt=2023-02-01&status=moved`);
    expect(february.body.asOf).toMatchObject({ basis: 'recorded', position: positions.moved });
    expect(february.body.items).toEqual([expect.objectContaining({ itemId: ITEM, meetingId: 'wseb-2023-04-20' })]);
    expect((await get(`/as-of/forward-plan/${ITEM}/history?validAt=2023-02-01`)).body.entries).toHaveLength(2);
    expectProblem(await get(`/as-of/forward-plan/${ITEM}?knownAt=2022-09-21`), 404, 'forward-plan-item-not-found');
  });

  // The decider spec tests each rule once; here the facts only the handlers read (boards, actions,
  // meetings, the clock) and the edge's validation.
  it('refuses with a problem that writes nothing', async () => {
    t.clock.set('2023-05-02T12:00:00.000Z');
    const before = await eventCount(t);
    const plan = { itemId: 'wseb-fp-new', boardId: 'wseb', title: 'New', month: '2023-06', from: { kind: 'other' } };
    expectProblem(await send(t, '/forward-plan', { ...plan, month: '2023-04' }), 422, 'month-in-past');
    expectProblem(await send(t, '/forward-plan', { ...plan, boardId: 'nope' }), 422, 'board-not-registered');
    expectProblem(
      await send(t, '/forward-plan', { ...plan, from: { kind: 'action', id: 'no-such-action' } }),
      422,
      'source-not-found',
    );
    expectProblem(await send(t, '/forward-plan', { ...plan, meetingId: 'wseb-2023-04-20' }), 400, 'validation-failed');
    expectProblem(
      await send(t, `/forward-plan/${ITEM}/move`, { month: '2023-07', reason: 'Later' }),
      409,
      'forward-plan-item-taken',
    );
    expectProblem(
      await send(t, `/forward-plan/${LADO}/agenda`, { meetingId: 'wsp-2023-04-25', agendaItem: 1 }),
      422,
      'meeting-of-another-board',
    );
    expectProblem(await send(t, '/forward-plan/nope/drop', { reason: 'x' }), 404, 'forward-plan-item-not-found');
    expectProblem(await get('/forward-plan/nope'), 404, 'forward-plan-item-not-found');
    expect(await eventCount(t)).toBe(before);
  });

  /** Runs last: it appends to the ledger the tests above read. */
  it('streams an item as it is moved', async () => {
    const res = await openStream(t.app, '/forward-plan/stream', await t.token());
    expect(res.statusCode).toBe(200);
    const text = readUntil(res, (s) => s.includes('"month":"2023-10"'));
    await on('2023-05-02', 'lado-moved', `/forward-plan/${LADO}/move`, { month: '2023-10', reason: 'Report late' });
    const sent = messages(await text).filter((m) => m.event === 'forward-plan-item');
    res.destroy();
    expect(JSON.parse(sent[sent.length - 1].data!)).toMatchObject({ itemId: LADO, status: 'moved', month: '2023-10' });
  });
});
