import type { ActionEvent } from '../../src/actions';
import { eventCount, expectProblem } from '../support/http';
import { asOfSuite } from './support/as-of-suite';
import { newEvent } from '../support/events';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

let t: ProjectionsTestApp;
const { positions, get, expectReadProblem, expectDocumented } = asOfSuite(() => t, '10');

/** Appends as recorded on `day` (the ledger's clock), about business time `occurredAt`. */
async function on(
  day: string,
  name: string,
  streamId: string,
  type: string,
  data: unknown,
  occurredAt = `${day}T10:00:00.000Z`,
) {
  t.clock.set(`${day}T18:00:00.000Z`);
  positions[name] = (await t.store.append(streamId, [newEvent(type, data, occurredAt)], 'any')).position;
}
const act = (day: string, name: string, e: ActionEvent, occurredAt?: string) =>
  on(day, name, `action-${e.data.actionId}`, e.type, e.data, occurredAt);
const raise = (day: string, actionId: string, dueDate: string) =>
  act(day, `raise-${actionId}`, {
    type: 'action-raised',
    data: {
      actionId,
      meetingId: 'wseb-2022-05-10',
      itemNumber: 3,
      text: `Text of ${actionId}`,
      owners: [{ kind: 'person', personId: 'pete-hill' }],
      dueDate,
    },
  });

beforeAll(async () => {
  // Snapshots every 3 events, so answers mix a snapshot with a short replay.
  t = await startProjectionsApp({ READ_MODEL_SNAPSHOT_EVERY: '3' });
  await on('2022-05-10', 'meeting', 'meeting-wseb-2022-05-10', 'meeting-scheduled', {
    meetingId: 'wseb-2022-05-10',
    boardId: 'wseb',
    scheduledFor: '2022-05-10T09:30:00.000Z',
  });
  await raise('2022-05-10', 'a1', '2022-06-30');
  await raise('2022-05-10', 'a2', '2022-08-01');
  await act('2022-06-07', 'a1-progress', {
    type: 'action-progress-noted',
    data: { actionId: 'a1', note: 'Draft prepared' },
  });
  await act('2022-06-07', 'a2-done', { type: 'action-completed', data: { actionId: 'a2', note: 'Letter sent' } });
  await raise('2022-06-07', 'a3', '2022-09-01');
  // Minutes typed up six weeks late: a1 was reported done at the June meeting, but nobody knew until July 20.
  await act(
    '2022-07-20',
    'a1-done',
    { type: 'action-completed', data: { actionId: 'a1' } },
    '2022-06-07T11:00:00.000Z',
  );
  // The read models (and so their snapshots) have applied everything: what the answers say does not race the runner.
  await t.runner.waitFor(positions['a1-done']);
});
afterAll(() => t.close());

const ids = (res: { body: { items: { actionId: string }[] } }) => res.body.items.map((i) => i.actionId);

describe('GET /as-of/action-log', () => {
  it.each([
    ['the end of the first meeting day', '2022-05-10', ['a1', 'a2'], { a1: 'open', a2: 'open' }],
    ['the second meeting day', '2022-06-07', ['a1', 'a2', 'a3'], { a1: 'open', a2: 'actioned', a3: 'open' }],
    [
      'the day before the late minutes were recorded: a1 still open and overdue',
      '2022-07-19',
      ['a1', 'a2', 'a3'],
      { a1: 'open', a2: 'actioned', a3: 'open' },
    ],
    ['after the late minutes', '2022-07-20', ['a1', 'a2', 'a3'], { a1: 'actioned', a2: 'actioned', a3: 'open' }],
    ['before anything was recorded', '2022-05-09', [], {}],
  ])('as known at %s (%s)', async (_, asOf, expected, statuses) => {
    const res = await get(`/as-of/action-log?asOf=${asOf}`);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(expected);
    expect(
      Object.fromEntries(res.body.items.map((i: { actionId: string; status: string }) => [i.actionId, i.status])),
    ).toEqual(statuses);
    expect(res.body.asOf).toMatchObject({ basis: 'recorded', requested: asOf });
  });

  it('says which position and recorded time answered, and how much it replayed', async () => {
    const res = await get('/as-of/action-log?asOf=2022-06-07');
    expect(res.body.asOf).toEqual({
      axes: ['knownAt'],
      basis: 'recorded',
      requested: '2022-06-07',
      position: positions['raise-a3'],
      recordedAt: '2022-06-07T18:00:00.000Z',
      snapshot: expect.any(Number),
      replayed: expect.any(Number),
    });
    expect(res.body.asOf.snapshot).toBeLessThanOrEqual(positions['raise-a3']);
    expect(res.body.asOf.replayed).toBeLessThanOrEqual(3 + 2);
  });

  it('judges overdue against the as-of date: on 2022-07-19 a1 was overdue, as the register then showed', async () => {
    const res = await get('/as-of/action-log?asOf=2022-07-19&overdue=true');
    expect(ids(res)).toEqual(['a1']);
    expect(res.body.items[0]).toMatchObject({ boardId: 'wseb', overdue: true, historyLength: 2 });
  });

  it('takes a log position: the register after every event at or before it', async () => {
    const res = await get(`/as-of/action-log?asOf=${positions['raise-a1']}`);
    expect(ids(res)).toEqual(['a1']);
    expect(res.body.asOf).toMatchObject({
      basis: 'position',
      position: positions['raise-a1'],
      recordedAt: '2022-05-10T18:00:00.000Z',
    });
  });

  it('pages with the cursor at the same asOf', async () => {
    const first = await get('/as-of/action-log?asOf=2022-07-20&limit=2');
    expect(ids(first)).toEqual(['a1', 'a2']);
    const second = await get(`/as-of/action-log?asOf=2022-07-20&limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(second)).toEqual(['a3']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('reads only: nothing is written to the ledger', async () => {
    const before = await eventCount(t);
    await get('/as-of/action-log?asOf=2022-06-07');
    expect(await eventCount(t)).toBe(before);
  });

  it.each([
    ['', 'asOf'],
    ['asOf=yesterday', 'asOf'],
    ['asOf=2022-02-30', 'asOf'],
    ['asOf=-4', 'asOf'],
    ['asOf=2022-07-01T12:00:00', 'asOf'],
    ['asOf=2022-07-01&status=lost', 'status'],
    ['asOf=2022-07-01&board=Not_A_Slug', 'board'],
    ['asOf=2022-07-01&colour=red', 'colour'],
  ])('refuses ?%s naming %s', async (query, field) => {
    const res = await get(`/as-of/action-log?${query}`);
    expectProblem(res, 400, 'validation-failed');
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('answers an auditor', async () => {
    expect(
      (await get('/as-of/action-log?asOf=2022-06-07', { token: await t.token({ role: 'auditor', userId: 'audit-1' }) }))
        .status,
    ).toBe(200);
  });
});

describe('GET /as-of/action-log/:actionId', () => {
  it('returns the action and its history as they stood then', async () => {
    const res = await get('/as-of/action-log/a1?asOf=2022-06-07');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      actionId: 'a1',
      status: 'open',
      boardId: 'wseb',
      overdue: false,
      asOf: { basis: 'recorded', position: positions['raise-a3'] },
    });
    expect(res.body.history.map((h: { type: string }) => h.type)).toEqual(['action-raised', 'action-progress-noted']);
  });

  it('shows the late completion with its business time once it was recorded', async () => {
    const res = await get(`/as-of/action-log/a1?asOf=${positions['a1-done']}`);
    expect(res.body).toMatchObject({ status: 'actioned', completedAt: '2022-06-07T11:00:00.000Z' });
    expect(res.body.history.at(-1)).toMatchObject({
      type: 'action-completed',
      occurredAt: '2022-06-07T11:00:00.000Z',
      recordedAt: '2022-07-20T18:00:00.000Z',
    });
  });

  it.each([
    ['an action not yet raised then', '/as-of/action-log/a3?asOf=2022-05-10', 404, 'action-not-found'],
    ['an action that never existed', '/as-of/action-log/nope?asOf=2022-07-20', 404, 'action-not-found'],
    ['a bad id', '/as-of/action-log/Not_An_Id?asOf=2022-07-20', 400, 'invalid-id'],
    ['a bad asOf', '/as-of/action-log/a1?asOf=soon', 400, 'validation-failed'],
    ['no asOf', '/as-of/action-log/a1', 400, 'validation-failed'],
  ])('%s: GET %s -> %s %s', (_, url, status, code) => expectReadProblem(url, status, code));
});

describe('as-of in OpenAPI', () => {
  it('documents both endpoints with their permission and the asOf parameter', () =>
    expectDocumented(
      { '/as-of/action-log': 'listActionLogAsOf', '/as-of/action-log/{actionId}': 'getActionLogEntryAsOf' },
      '/as-of/action-log',
      ['asOf', 'board', 'owner', 'partner', 'status', 'overdue', 'limit', 'cursor'],
    ));
});
