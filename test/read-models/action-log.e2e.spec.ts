import type { ActionEvent } from '../../src/actions';
import { expectProblem, send } from '../support/http';
import { newEvent } from '../support/events';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

let t: ProjectionsTestApp;
const get = (url: string, o: { token?: string | null } = {}) => send(t, url, undefined, { method: 'GET', ...o });

async function append(
  streamId: string,
  type: string,
  data: unknown,
  occurredAt = '2022-05-10T10:00:00.000Z',
): Promise<number> {
  return (await t.store.append(streamId, [newEvent(type, data, occurredAt)], 'any')).position;
}
/** Scheduled on the date its id names (a3 is due back at wseb-2022-06-07, with no due date). */
const meeting = (meetingId: string, boardId: string) =>
  append(`meeting-${meetingId}`, 'meeting-scheduled', {
    meetingId,
    boardId,
    scheduledFor: `${meetingId.slice(-10)}T09:30:00.000Z`,
  });
const act = (e: ActionEvent, at?: string) => append(`action-${e.data.actionId}`, e.type, e.data, at);
const raise = (
  actionId: string,
  meetingId: string,
  owner: Extract<ActionEvent, { type: 'action-raised' }>['data']['owners'][number],
  dueDate?: string,
) =>
  act({
    type: 'action-raised',
    data: {
      actionId,
      meetingId,
      itemNumber: 3,
      text: `Text of ${actionId}`,
      owners: [owner],
      ...(dueDate ? { dueDate } : { targetMeetingId: 'wseb-2022-06-07' }),
    },
  });

beforeAll(async () => {
  t = await startProjectionsApp();
  await meeting('wseb-2022-05-10', 'wseb');
  await meeting('wseb-2022-06-07', 'wseb');
  await meeting('worcs-2022-05-11', 'worcs-scb');
  await raise('a1', 'wseb-2022-05-10', { kind: 'person', personId: 'pete-hill' }, '2022-06-30');
  await raise('a2', 'wseb-2022-05-10', { kind: 'partner', partnerId: 'warwickshire-police' }, '2022-08-01');
  await act({ type: 'action-completed', data: { actionId: 'a2', note: 'Letter sent' } }, '2022-07-15T00:00:00.000Z');
  await raise('a3', 'worcs-2022-05-11', { kind: 'team', name: 'All' });
  for (const n of [4, 5, 6, 7])
    await raise(`a${n}`, 'wseb-2022-06-07', { kind: 'person', personId: 'jo-bloggs' }, '2022-09-01');
  await t.runner.waitFor(
    await act(
      { type: 'action-progress-noted', data: { actionId: 'a1', note: 'Draft prepared' } },
      '2022-05-20T00:00:00.000Z',
    ),
  );
});
afterAll(() => t.close());

const ids = (res: { body: { items: { actionId: string }[] } }) => res.body.items.map((i) => i.actionId);

describe('GET /action-log', () => {
  it('lists every action with its board and overdue flag, without the history', async () => {
    const res = await get('/action-log?asOf=2022-07-01');
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items[0]).toMatchObject({
      actionId: 'a1',
      boardId: 'wseb',
      overdue: true,
      status: 'open',
      historyLength: 2,
      lastUpdate: { type: 'action-progress-noted' },
    });
    expect(res.body.items[0]).not.toHaveProperty('history');
    // No due date, and past the meeting it is due back at: overdue by that meeting's date.
    expect(res.body.items[2]).toMatchObject({
      actionId: 'a3',
      boardId: 'worcs-scb',
      overdue: true,
      effectiveDueDate: '2022-06-07',
    });
  });

  it.each([
    ['board=wseb', ['a1', 'a2', 'a4', 'a5', 'a6', 'a7']],
    ['board=worcs-scb', ['a3']],
    ['owner=person:pete-hill', ['a1']],
    ['owner=jo-bloggs&limit=200', ['a4', 'a5', 'a6', 'a7']],
    ['partner=warwickshire-police', ['a2']],
    ['status=actioned', ['a2']],
    ['overdue=true&asOf=2022-06-07', []],
    ['overdue=true&asOf=2022-06-08', ['a3']],
    ['overdue=true&asOf=2022-07-01', ['a1', 'a3']],
    ['overdue=true&asOf=2022-09-02', ['a1', 'a3', 'a4', 'a5', 'a6', 'a7']],
    ['overdue=false&asOf=2022-09-02&board=wseb', ['a2']],
    ['board=wseb&status=open&owner=pete-hill', ['a1']],
    ['board=nobody', []],
  ])('filters by %s', async (query, expected) => {
    const res = await get(`/action-log?${query}`);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(expected);
  });

  it('pages with an opaque cursor: every action once, in a stable order, with the filters resent', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/action-log?board=wseb&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(res));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(['a1', 'a2', 'a4', 'a5', 'a6', 'a7']);
    expect(pages).toBe(3);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['status=done', 'status'],
    ['overdue=yes', 'overdue'],
    ['asOf=2022-13-45', 'asOf'],
    ['board=Not_A_Slug', 'board'],
    ['partner=x%20y', 'partner'],
    ['cursor=not%20a%20cursor', 'cursor'],
    ['colour=red', 'colour'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await get(`/action-log?${query}`);
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('refuses a well-formed cursor it never issued', async () => {
    expectProblem(
      await get(`/action-log?cursor=${Buffer.from('{"k":"meeting:x"}').toString('base64url')}`),
      400,
      'invalid-cursor',
    );
    expectProblem(await get('/action-log?cursor=abc'), 400, 'invalid-cursor');
  });

  it('reads for any role with ledger:read, e.g. an auditor', async () => {
    expect(
      (await get('/action-log?limit=1', { token: await t.token({ role: 'auditor', userId: 'audit-1' }) })).status,
    ).toBe(200);
  });
});

describe('GET /action-log/:actionId', () => {
  it('returns the action with its full history: type, business and recorded time, actor, summary', async () => {
    const res = await get('/action-log/a1?asOf=2022-06-01');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      actionId: 'a1',
      boardId: 'wseb',
      overdue: false,
      originMeetingId: 'wseb-2022-05-10',
      originItemNumber: 3,
      dueDate: '2022-06-30',
    });
    expect(res.body.history).toEqual([
      expect.objectContaining({
        type: 'action-raised',
        occurredAt: '2022-05-10T10:00:00.000Z',
        recordedAt: '2022-11-21T12:00:00.000Z',
        actor: expect.objectContaining({ userId: 'user-amrita' }),
        summary: expect.stringContaining('Raised at wseb-2022-05-10'),
      }),
      expect.objectContaining({
        type: 'action-progress-noted',
        occurredAt: '2022-05-20T00:00:00.000Z',
        summary: 'Progress noted: Draft prepared',
      }),
    ]);
  });

  it('judges overdue against today by default', async () => {
    expect((await get('/action-log/a1')).body.overdue).toBe(true); // the test clock is November 2022
  });

  it.each([
    ['/action-log/nope', 404, 'action-not-found'],
    ['/action-log/Not_An_Id', 400, 'invalid-id'],
    ['/action-log/a1?asOf=yesterday', 400, 'validation-failed'],
  ])('GET %s -> %s %s', async (url, status, code) => {
    expectProblem(await get(url), status, code);
  });
});

describe('overdueOn: the date overdue is judged at (asOf, its old name, goes after one release)', () => {
  it.each([
    ['/action-log?overdue=true&overdueOn=2022-07-01', '/action-log?overdue=true&asOf=2022-07-01'],
    ['/action-log/a1?overdueOn=2022-07-01', '/action-log/a1?asOf=2022-07-01'],
  ])('%s answers as the old name did, and only the old name is marked deprecated', async (renamed, old) => {
    const [byNew, byOld, before] = await Promise.all([get(renamed), get(old), get(renamed.replace('07-01', '06-01'))]);
    expect(byNew.status).toBe(200);
    expect(byNew.body).toEqual(byOld.body);
    expect(byNew.headers.etag).toEqual(expect.any(String));
    expect(byNew.headers.etag).toBe(byOld.headers.etag);
    expect(byNew.body).not.toEqual(before.body);
    expect(byNew.headers.deprecation).toBeUndefined();
    expect(byOld.headers.deprecation).toMatch(/^@[0-9]+$/);
    expect(byOld.headers.link).toMatch(/^<[^>]+>; rel="deprecation"/);
  });

  it('refuses both names with different dates (the same date twice is one date)', async () => {
    const res = await get('/action-log/a1?overdueOn=2022-07-01&asOf=2022-06-01');
    expectProblem(res, 400, 'conflicting-parameters');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
    expect((await get('/action-log/a1?overdueOn=2022-07-01&asOf=2022-07-01')).status).toBe(200);
  });

  it('documents overdueOn, and asOf as deprecated', async () => {
    const doc = (await get('/openapi.json', { token: null })).body;
    for (const path of ['/action-log', '/action-log/{actionId}']) {
      const params = doc.paths[path].get.parameters as { name: string; deprecated?: boolean }[];
      expect(params.find((p) => p.name === 'overdueOn')).not.toHaveProperty('deprecated', true);
      expect(params.find((p) => p.name === 'asOf')).toMatchObject({ deprecated: true });
    }
  });
});

describe('read models in the platform', () => {
  it('documents the query endpoints and their parameters in OpenAPI', async () => {
    const doc = (await get('/openapi.json', { token: null })).body;
    expect(doc.paths['/action-log'].get).toMatchObject({
      operationId: 'listActionLog',
      'x-required-permission': 'ledger:read',
    });
    expect(doc.paths['/action-log'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['board', 'owner', 'partner', 'status', 'overdue', 'asOf', 'limit', 'cursor']),
    );
    expect(doc.paths['/action-log/{actionId}'].get.operationId).toBe('getActionLogEntry');
    expect(doc.paths['/action-log/stream'].get.operationId).toBe('streamActionLog');
  });

  it('reports no lag once caught up', async () => {
    expect(await t.runner.lag()).toEqual(
      expect.arrayContaining([expect.objectContaining({ projection: 'action-log', state: 'running', behind: 0 })]),
    );
  });
});
