import type { TokenClaims } from '../../src/auth/mint-token';
import { expectProblem, send } from '../support/http';
import { openStream, readUntil } from '../support/sse';
import { loadEscalations, startTrailApp, type TrailApp } from './support/escalation-trail-app';

let t: TrailApp;
const get = (url: string, o: { token?: string | null } = {}) => send(t, url, undefined, { method: 'GET', ...o });

beforeAll(async () => {
  t = await startTrailApp();
  await loadEscalations(t);
});
afterAll(() => t.close());

describe('GET /escalation-trail/summary', () => {
  const zero = { stage: 2, entered: 0, openAtEnd: 0, breached: 0 };
  it('counts per month: raised, resolved, open at the end and breached, by stage', async () => {
    const { status, body } = await get('/escalation-trail/summary?period=month&from=2022-05-01&asOf=2022-09-30');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      asOf: '2022-09-30',
      period: 'month',
      from: '2022-05-01',
      to: '2022-09-30',
      agency: null,
    });
    expect(body.periods).toEqual([
      {
        period: '2022-05',
        start: '2022-05-01',
        end: '2022-05-31',
        raised: 1,
        resolved: 0,
        closed: 0,
        openAtEnd: 1,
        breached: 0,
        byStage: [{ stage: 1, entered: 1, openAtEnd: 1, breached: 0 }, zero],
      },
      {
        period: '2022-06',
        start: '2022-06-01',
        end: '2022-06-30',
        raised: 0,
        resolved: 1,
        closed: 1,
        openAtEnd: 0,
        breached: 1,
        byStage: [
          { stage: 1, entered: 0, openAtEnd: 0, breached: 1 },
          { stage: 2, entered: 1, openAtEnd: 0, breached: 0 },
        ],
      },
      expect.objectContaining({ period: '2022-07', raised: 0, openAtEnd: 0, breached: 0 }),
      expect.objectContaining({ period: '2022-08', raised: 0, openAtEnd: 0, breached: 0 }),
      {
        period: '2022-09',
        start: '2022-09-01',
        end: '2022-09-30',
        raised: 1,
        resolved: 0,
        closed: 0,
        openAtEnd: 1,
        breached: 1,
        byStage: [{ stage: 1, entered: 1, openAtEnd: 1, breached: 1 }, zero],
      },
    ]);
  });

  it('counts per agency, as raiser and as the agency concerned', async () => {
    const { body } = await get('/escalation-trail/summary?asOf=2022-09-30');
    const none = { raised: 0, open: 0, resolved: 0, closed: 0, breached: 0 };
    expect(body.agencies).toEqual([
      { agency: 'cw-icb', raisedBy: none, concerning: { ...none, raised: 1, closed: 1, breached: 1 } },
      {
        agency: 'warwickshire-cc',
        raisedBy: { ...none, raised: 1, closed: 1, breached: 1 },
        concerning: { ...none, raised: 1, open: 1, breached: 1 },
      },
      { agency: 'warwickshire-police', raisedBy: { ...none, raised: 1, open: 1, breached: 1 }, concerning: none },
    ]);
    // Quarters by default, from the first escalation raised.
    expect(body).toMatchObject({ period: 'quarter', from: '2022-05-27' });
    expect(body.periods.map((p: { period: string; raised: number }) => [p.period, p.raised])).toEqual([
      ['2022-Q2', 1],
      ['2022-Q3', 1],
    ]);
  });

  it('narrows to one agency', async () => {
    const { body } = await get('/escalation-trail/summary?agency=cw-icb&asOf=2022-09-30');
    expect(body.agencies.map((a: { agency: string }) => a.agency)).toEqual(['cw-icb', 'warwickshire-cc']);
    expect(body.periods.map((p: { raised: number }) => p.raised)).toEqual([1, 0]);
  });

  it.each([
    ['period=week', 400, 'validation-failed'],
    ['from=01/05/2022', 400, 'validation-failed'],
    ['agency=x%20y', 400, 'validation-failed'],
    ['to=2030-01-01', 400, 'date-outside-calendar'],
    ['from=2022-07-01&to=2022-06-01', 400, 'invalid-date-range'],
  ])('refuses %s -> %s %s', async (query, status, code) => {
    expectProblem(await get(`/escalation-trail/summary?${query}`), status, code);
  });
});

describe('the escalation trail in the platform', () => {
  it('documents its endpoints and parameters in OpenAPI, each needing ledger:read', async () => {
    const doc = (await get('/openapi.json', { token: null })).body;
    expect(doc.paths['/escalation-trail'].get).toMatchObject({
      operationId: 'listEscalationTrail',
      'x-required-permission': 'ledger:read',
    });
    expect(doc.paths['/escalation-trail'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['agency', 'stage', 'status', 'breached', 'from', 'to', 'asOf', 'limit', 'cursor']),
    );
    expect(doc.paths['/escalation-trail/summary'].get).toMatchObject({
      operationId: 'summariseEscalationTrail',
      'x-required-permission': 'ledger:read',
    });
    expect(doc.paths['/escalation-trail/{escalationId}'].get.operationId).toBe('getEscalationTrail');
    expect(doc.paths['/escalation-trail/stream'].get.operationId).toBe('streamEscalationTrail');
  });
});

describe('GET /escalation-trail/stream (Server-Sent Events)', () => {
  let s: TrailApp;
  beforeAll(async () => {
    s = await startTrailApp();
    await s.app.listen(0, '127.0.0.1');
  });
  afterAll(() => s.close());

  const open = async (claims: Partial<TokenClaims>) =>
    openStream(s.app, '/escalation-trail/stream', await s.token(claims));

  it('sends each escalation document as the runner commits it, with the ledger position of its last change as the event id', async () => {
    const res = await open({ role: 'auditor', userId: 'audit-1' });
    expect(res.statusCode).toBe(200);
    const text = readUntil(res, (x) => x.includes('"escalation-closed"'));
    await loadEscalations(s);
    const received = await text;
    res.destroy();
    const closed = (await s.store.readStream('escalation-wsep-2022-001')).at(-1)!;
    // A document goes out once per committed batch, its id the position of the last event that changed it.
    const sent = [...received.matchAll(/event: escalation\nid: (\d+)\ndata: (.*)\n/g)];
    const last = sent.filter(([, , data]) => data.includes('"escalation-closed"')).at(-1)!;
    expect(last[1]).toBe(String(closed.position));
    // Ids never go down (one event changes one escalation, so none repeats the one before).
    expect(sent.every(([, id], i) => i === 0 || Number(id) > Number(sent[i - 1][1]))).toBe(true);
    expect(JSON.parse(last[2])).toMatchObject({
      escalationId: 'wsep-2022-001',
      status: 'closed',
      stages: [expect.objectContaining({ endedBy: 'escalated' }), expect.objectContaining({ endedBy: 'resolved' })],
    });
  });
});
