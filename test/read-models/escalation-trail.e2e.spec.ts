import type { Actor } from '../../src/ledger/event-envelope';
import { eventCount, expectProblem, send } from '../support/http';
import { loadEscalations, startTrailApp, type TrailApp } from './support/escalation-trail-app';

/** The escalation trail through HTTP: escalations raised and moved through the API with business dates, then read back. */
let t: TrailApp;
const get = (url: string, o: { token?: string | null } = {}) => send(t, url, undefined, { method: 'GET', ...o });
const ids = (res: { body: { items: { escalationId: string }[] } }) => res.body.items.map((i) => i.escalationId);

beforeAll(async () => {
  t = await startTrailApp();
  await loadEscalations(t);
});
afterAll(() => t.close());

describe('GET /escalation-trail/:escalationId', () => {
  it('shows the whole timeline: who, business and recorded time, stage and the words recorded', async () => {
    const res = await get('/escalation-trail/wsep-2022-001?asOf=2022-11-21');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      escalationId: 'wsep-2022-001',
      status: 'closed',
      protocolVersion: 1,
      raisedByAgency: 'warwickshire-cc',
      concerningAgency: 'cw-icb',
      outcome: 'agreed',
      currentStage: 2,
    });
    expect(
      res.body.timeline.map((e: Record<string, unknown>) => [e.type, e.stage, (e.actor as Actor).userId, e.occurredAt]),
    ).toEqual([
      ['escalation-raised', 1, 'amrita-sharma', '2022-05-27T09:00:00.000Z'],
      ['escalation-acknowledged', 1, 'icb-rep', '2022-05-30T09:00:00.000Z'],
      ['escalation-response-recorded', 1, 'icb-rep', '2022-05-31T09:00:00.000Z'],
      ['escalation-stage-escalated', 2, 'amrita-sharma', '2022-06-07T09:00:00.000Z'],
      ['escalation-resolved', 2, 'amrita-sharma', '2022-06-10T09:00:00.000Z'],
      ['escalation-closed', 2, 'amrita-sharma', '2022-06-14T09:00:00.000Z'],
    ]);
    expect(res.body.timeline[2]).toMatchObject({
      agency: 'cw-icb',
      response: 'Assessment booked for 14 June',
      recordedAt: '2022-11-21T12:00:00.000Z',
      eventId: expect.any(String),
      position: expect.any(Number),
    });
  });

  it('measures each stage in working days against its timescale, with the breach dated', async () => {
    const { body } = await get('/escalation-trail/wsep-2022-001');
    expect(body.stages).toEqual([
      expect.objectContaining({
        stage: 1,
        timescaleWorkingDays: 2,
        workingDays: 5,
        dueBy: '2022-05-31',
        breached: true,
        breachedOn: '2022-06-01',
        endedBy: 'escalated',
        acknowledgedAt: '2022-05-30T09:00:00.000Z',
        responses: 1,
      }),
      expect.objectContaining({
        stage: 2,
        timescaleWorkingDays: 5,
        workingDays: 3,
        breached: false,
        endedBy: 'resolved',
      }),
    ]);
    expect(body).toMatchObject({ breached: true, breachedStages: [1] });
  });

  it('measures an open stage to asOf: within its timescale over the state funeral, breached the day after', async () => {
    expect((await get('/escalation-trail/wsep-2022-002?asOf=2022-09-20')).body).toMatchObject({
      status: 'open',
      breached: false,
      stages: [expect.objectContaining({ open: true, workingDays: 2 })],
    });
    expect((await get('/escalation-trail/wsep-2022-002?asOf=2022-09-21')).body).toMatchObject({
      breached: true,
      stages: [expect.objectContaining({ workingDays: 3, breachedOn: '2022-09-21' })],
    });
  });

  it('given no new event but another day, then the same read (measured today) has a new ETag on the same revision', async () => {
    const open = (await get('/escalation-trail?status=open')).body.items[0] as { escalationId: string };
    const url = `/escalation-trail/${open.escalationId}`;
    const headers = async (ifNoneMatch?: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url,
        headers: {
          authorization: `Bearer ${await t.token()}`,
          ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}),
        },
      });
      return {
        status: res.statusCode,
        etag: res.headers.etag as string,
        revision: res.body && res.json<{ revision?: number }>().revision,
      };
    };
    const today = await headers();
    expect((await headers(today.etag)).status).toBe(304);
    try {
      t.clock.advance(7 * 24 * 3600 * 1000);
      const weekOn = await headers(today.etag);
      expect({ status: weekOn.status, revision: weekOn.revision }).toEqual({ status: 200, revision: today.revision });
      expect(weekOn.etag).not.toBe(today.etag);
    } finally {
      t.clock.advance(-7 * 24 * 3600 * 1000);
    }
  });

  it('reads the trail as it stood on a past date', async () => {
    const { body } = await get('/escalation-trail/wsep-2022-001?asOf=2022-05-31');
    expect(body).toMatchObject({
      status: 'open',
      currentStage: 1,
      breached: false,
      stages: [expect.objectContaining({ open: true, workingDays: 2 })],
    });
    expect(body.timeline).toHaveLength(3);
  });

  it.each([
    ['/escalation-trail/nope', 404, 'escalation-not-found'],
    ['/escalation-trail/wsep-2022-002?asOf=2022-09-14', 404, 'escalation-not-found'],
    ['/escalation-trail/Not_An_Id', 400, 'invalid-id'],
    ['/escalation-trail/wsep-2022-001?asOf=yesterday', 400, 'validation-failed'],
    ['/escalation-trail/wsep-2022-001?asOf=2028-01-04', 400, 'date-outside-calendar'],
  ])('GET %s -> %s %s', async (url, status, code) => {
    expectProblem(await get(url), status, code);
  });
});

describe('GET /escalation-trail', () => {
  it('lists escalations as at asOf with measured stages, without the timeline', async () => {
    const res = await get('/escalation-trail?asOf=2022-09-21');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: '2022-09-21', nextCursor: null });
    expect(ids(res)).toEqual(['wsep-2022-001', 'wsep-2022-002']);
    expect(res.body.items[0]).toMatchObject({
      status: 'closed',
      timelineLength: 6,
      stages: [expect.objectContaining({ workingDays: 5 }), expect.objectContaining({ workingDays: 3 })],
    });
    expect(res.body.items[0]).not.toHaveProperty('timeline');
  });

  it.each([
    ['breached=true&asOf=2022-09-21', ['wsep-2022-001', 'wsep-2022-002']],
    ['breached=true&asOf=2022-09-20', ['wsep-2022-001']],
    ['breached=false&asOf=2022-09-20', ['wsep-2022-002']],
    ['status=open', ['wsep-2022-002']],
    ['status=closed', ['wsep-2022-001']],
    ['status=open&asOf=2022-06-01', ['wsep-2022-001']],
    ['agency=cw-icb', ['wsep-2022-001']],
    ['agency=warwickshire-cc', ['wsep-2022-001', 'wsep-2022-002']],
    ['stage=2', ['wsep-2022-001']],
    ['stage=1&asOf=2022-06-06', ['wsep-2022-001']],
    ['from=2022-09-01', ['wsep-2022-002']],
    ['from=2022-04-01&to=2022-06-30', ['wsep-2022-001']],
    ['asOf=2022-05-26', []],
  ])('filters by %s', async (query, expected) => {
    const res = await get(`/escalation-trail?${query}`);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(expected);
  });

  it('pages with an opaque cursor: every escalation once, in a stable order', async () => {
    const first = await get('/escalation-trail?limit=1');
    expect(ids(first)).toEqual(['wsep-2022-001']);
    const second = await get(`/escalation-trail?limit=1&cursor=${first.body.nextCursor}`);
    expect(ids(second)).toEqual(['wsep-2022-002']);
    expect(second.body.nextCursor).toBeNull();
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['stage=0', 'stage'],
    ['stage=7', 'stage'],
    ['status=done', 'status'],
    ['breached=yes', 'breached'],
    ['from=2022-5-1', 'from'],
    ['to=2022-06-01T00:00:00Z', 'to'],
    ['asOf=2022-13-45', 'asOf'],
    ['measuredOn=2022-13-45', 'measuredOn'],
    ['agency=Not_A_Slug', 'agency'],
    ['cursor=not%20a%20cursor', 'cursor'],
    ['colour=red', 'colour'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await get(`/escalation-trail?${query}`);
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it.each([
    ['asOf=2028-01-04', 'date-outside-calendar', 'asOf'],
    ['measuredOn=2028-01-04', 'date-outside-calendar', 'measuredOn'],
    ['from=2015-12-01', 'date-outside-calendar', 'from'],
    ['from=2022-07-01&to=2022-06-01', 'invalid-date-range', 'from'],
  ])('refuses %s with %s rather than miscounting', async (query, code, field) => {
    const res = await get(`/escalation-trail?${query}`);
    expectProblem(res, 400, code);
    expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
  });

  it('refuses a well-formed cursor it never issued', async () => {
    expectProblem(
      await get(`/escalation-trail?cursor=${Buffer.from('{"k":"action:x"}').toString('base64url')}`),
      400,
      'invalid-cursor',
    );
  });

  it('reads for any role with ledger:read, e.g. an auditor, and writes nothing to the ledger', async () => {
    const before = await eventCount(t);
    expect(
      (await get('/escalation-trail', { token: await t.token({ role: 'auditor', userId: 'audit-1' }) })).status,
    ).toBe(200);
    expect(await eventCount(t)).toBe(before);
  });
});

describe('measuredOn: the business date the trail is measured at (asOf, its old name, goes after one release)', () => {
  it.each([
    ['/escalation-trail/wsep-2022-002?measuredOn=2022-09-21', '/escalation-trail/wsep-2022-002?asOf=2022-09-21'],
    ['/escalation-trail?measuredOn=2022-09-20&breached=true', '/escalation-trail?asOf=2022-09-20&breached=true'],
    ['/escalation-trail/summary?measuredOn=2022-09-20', '/escalation-trail/summary?asOf=2022-09-20'],
  ])('%s answers as the old name did, and only the old name is marked deprecated', async (renamed, old) => {
    const [byNew, byOld, today] = await Promise.all([get(renamed), get(old), get(renamed.split('?')[0])]);
    expect(byNew.status).toBe(200);
    expect(byNew.body).toEqual(byOld.body);
    expect(byNew.headers.etag).toEqual(expect.any(String));
    expect(byNew.headers.etag).toBe(byOld.headers.etag);
    expect(byNew.body).not.toEqual(today.body);
    expect(byNew.headers.deprecation).toBeUndefined();
    expect(byOld.headers.deprecation).toMatch(/^@[0-9]+$/);
    expect(byOld.headers.link).toMatch(/^<[^>]+>; rel="deprecation"/);
  });

  it('refuses both names with different dates (the same date twice is one date)', async () => {
    const res = await get('/escalation-trail?measuredOn=2022-09-20&asOf=2022-09-21');
    expectProblem(res, 400, 'conflicting-parameters');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
    expect((await get('/escalation-trail?measuredOn=2022-09-20&asOf=2022-09-20')).status).toBe(200);
  });

  it('documents measuredOn, and asOf as deprecated, on every live trail read', async () => {
    const doc = (await get('/openapi.json', { token: null })).body;
    for (const path of ['/escalation-trail', '/escalation-trail/summary', '/escalation-trail/{escalationId}']) {
      const params = doc.paths[path].get.parameters as { name: string; deprecated?: boolean }[];
      expect(params.find((p) => p.name === 'measuredOn')).not.toHaveProperty('deprecated', true);
      expect(params.find((p) => p.name === 'asOf')).toMatchObject({ deprecated: true });
    }
  });
});
