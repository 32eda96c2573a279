import type { TokenClaims } from '../../src/auth/mint-token';
import { expectProblem } from '../support/http';
import { asOfSuite } from './support/as-of-suite';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

/**
 * The escalation trail as it was known then: escalations raised and moved through the API on
 * business dates with the ledger's clock moved between writes; wsep-2022-001's closure (14 June)
 * is entered on 30 June. Measures (working days, breaches) are read at the as-of date.
 */
let t: ProjectionsTestApp;
const { positions, get, on, expectAnsweredFromSnapshot, expectRefused, expectReadProblem, expectDocumented } =
  asOfSuite(() => t, '09');
const admin: Partial<TokenClaims> = { userId: 'admin-1', role: 'admin' };
const icbRep: Partial<TokenClaims> = { userId: 'icb-rep', role: 'partner-representative', agency: 'cw-icb' };
const CHILD = 'Jamie Example';
const E = '/escalations/wsep-2022-001';

const stages = [
  { name: 'Practitioner to practitioner', timescaleWorkingDays: 2 },
  { name: 'Manager to manager', timescaleWorkingDays: 5 },
];
const raise = { protocolId: 'ws-escalation-protocol', subject: 'Delay in a health assessment for a child in care' };

beforeAll(async () => {
  // Snapshots every 3 events (the default is 10,000), so answers come from a snapshot plus a short replay.
  t = await startProjectionsApp({ READ_MODEL_SNAPSHOT_EVERY: '3' });
  for (const [partnerId, kind] of [
    ['warwickshire-cc', 'local-authority'],
    ['cw-icb', 'health'],
    ['warwickshire-police', 'police'],
  ]) {
    await on('2022-05-01', partnerId, '/partners', { partnerId, name: partnerId, kind }, admin);
  }
  await on(
    '2022-05-01',
    'protocol',
    '/escalation-protocols',
    { protocolId: 'ws-escalation-protocol', name: 'Escalation Protocol', stages },
    admin,
  );
  await on('2022-05-27', 'raised-1', '/escalations', {
    ...raise,
    escalationId: 'wsep-2022-001',
    raisedByAgency: 'warwickshire-cc',
    concerningAgency: 'cw-icb',
    dataSubjects: [{ subjectId: 'child-1', relation: 'child', name: CHILD }],
  });
  await on('2022-05-30', 'acknowledged', `${E}/acknowledge`, { note: 'Received' }, icbRep);
  await on(
    '2022-05-31',
    'answered',
    `${E}/responses`,
    { respondingAgency: 'cw-icb', response: 'Assessment booked for 14 June' },
    icbRep,
  );
  await on('2022-06-07', 'escalated', `${E}/escalate`, { reason: 'Date not acceptable for a child in care' });
  await on('2022-06-10', 'resolved', `${E}/resolve`, {
    outcome: 'agreed',
    summary: 'Assessment brought forward to 9 June',
  });
  await on('2022-06-30', 'closed', `${E}/close`, { occurredAt: '2022-06-14T09:00:00Z' });
  await on('2022-09-15', 'raised-2', '/escalations', {
    ...raise,
    escalationId: 'wsep-2022-002',
    raisedByAgency: 'warwickshire-police',
    concerningAgency: 'warwickshire-cc',
    subject: 'Strategy discussion not convened',
  });
  await t.runner.waitFor(positions['raised-2']);
});
afterAll(() => t.close());

type Item = { escalationId: string; status: string; currentStage: number; breached: boolean };
const rows = (res: { body: { items: Item[] } }) =>
  res.body.items.map((i) => [i.escalationId, i.status, i.currentStage, i.breached]);

describe('GET /as-of/escalation-trail', () => {
  it.each([
    ['before anything was raised', '2022-05-26', []],
    ['the day it was raised', '2022-05-27', [['wsep-2022-001', 'open', 1, false]]],
    ["the last day within stage 1's timescale", '2022-05-31', [['wsep-2022-001', 'open', 1, false]]],
    [
      'the day stage 1 was breached (nothing new recorded, measured a day later)',
      '2022-06-01',
      [['wsep-2022-001', 'open', 1, true]],
    ],
    ['once escalated to stage 2', '2022-06-07', [['wsep-2022-001', 'open', 2, true]]],
    ['the day before the late closure was entered', '2022-06-29', [['wsep-2022-001', 'resolved', 2, true]]],
    ['once the closure was entered', '2022-06-30', [['wsep-2022-001', 'closed', 2, true]]],
    [
      'after the second was raised',
      '2022-09-15',
      [
        ['wsep-2022-001', 'closed', 2, true],
        ['wsep-2022-002', 'open', 1, false],
      ],
    ],
  ])('as known at %s (%s)', async (_, asOf, expected) => {
    const res = await get(`/as-of/escalation-trail?asOf=${asOf}`);
    expect(res.status).toBe(200);
    expect(rows(res)).toEqual(expected);
    expect(res.body).toMatchObject({ measuredOn: asOf, asOf: { basis: 'recorded', requested: asOf } });
  });

  it('says which position answered; a position is measured on the London date it was recorded', async () => {
    const byDate = await get('/as-of/escalation-trail?asOf=2022-06-01');
    expectAnsweredFromSnapshot(byDate.body.asOf, '2022-06-01', 'answered', '2022-05-31T18:00:00.000Z');
    const byPosition = await get(`/as-of/escalation-trail?asOf=${positions.answered}`);
    expect(byPosition.body).toMatchObject({
      measuredOn: '2022-05-31',
      asOf: { basis: 'position', position: positions.answered },
    });
    expect(rows(byPosition)).toEqual([['wsep-2022-001', 'open', 1, false]]);
  });

  it('filters as the live trail does, over what was known then', async () => {
    expect(rows(await get('/as-of/escalation-trail?asOf=2022-06-29&status=closed'))).toEqual([]);
    expect(rows(await get('/as-of/escalation-trail?asOf=2022-06-30&status=closed')).map((r) => r[0])).toEqual([
      'wsep-2022-001',
    ]);
    expect(
      rows(await get('/as-of/escalation-trail?asOf=2022-09-15&agency=warwickshire-police')).map((r) => r[0]),
    ).toEqual(['wsep-2022-002']);
  });

  it('pages with the cursor at the same asOf', async () => {
    const first = await get('/as-of/escalation-trail?asOf=2022-09-15&limit=1');
    expect(rows(first).map((r) => r[0])).toEqual(['wsep-2022-001']);
    const second = await get(`/as-of/escalation-trail?asOf=2022-09-15&limit=1&cursor=${first.body.nextCursor}`);
    expect(rows(second).map((r) => r[0])).toEqual(['wsep-2022-002']);
    expect(second.body.nextCursor).toBeNull();
  });

  it.each([
    ['', 400, 'validation-failed', 'asOf'],
    ['asOf=later', 400, 'validation-failed', 'asOf'],
    ['asOf=2022-07-01&status=done', 400, 'validation-failed', 'status'],
    ['asOf=2022-07-01&stage=0', 400, 'validation-failed', 'stage'],
    ['asOf=2022-07-01&from=2022/01/01', 400, 'validation-failed', 'from'],
    ['asOf=2015-12-31', 400, 'date-outside-calendar', 'asOf'],
    ['asOf=2022-07-01&from=2022-07-01&to=2022-06-01', 400, 'invalid-date-range', 'from'],
  ])('refuses ?%s: %s %s naming %s, writing nothing', (query, status, code, field) =>
    expectRefused(`/as-of/escalation-trail?${query}`, status, code, field),
  );
});

describe('GET /as-of/escalation-trail/summary', () => {
  it('counts what was known then, per period and agency', async () => {
    const june = await get('/as-of/escalation-trail/summary?asOf=2022-06-29&period=month');
    expect(june.status).toBe(200);
    expect(june.body).toMatchObject({
      measuredOn: '2022-06-29',
      period: 'month',
      from: '2022-05-27',
      to: '2022-06-29',
      asOf: { basis: 'recorded', position: positions.resolved },
    });
    expect(
      june.body.periods.map((p: { raised: number; resolved: number; closed: number }) => [
        p.raised,
        p.resolved,
        p.closed,
      ]),
    ).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    const later = await get('/as-of/escalation-trail/summary?asOf=2022-09-15&period=quarter');
    expect(later.body.periods.map((p: { raised: number; closed: number }) => [p.raised, p.closed])).toEqual([
      [1, 1],
      [1, 0],
    ]);
  });

  it.each([
    ['', 'validation-failed', 'asOf'],
    ['asOf=2022-07-01&period=week', 'validation-failed', 'period'],
    ['asOf=2022-07-01&agency=Not_A_Slug', 'validation-failed', 'agency'],
  ])('refuses ?%s: 400 %s naming %s', async (query, code, field) => {
    const res = await get(`/as-of/escalation-trail/summary?${query}`);
    expectProblem(res, 400, code);
    expect(JSON.stringify(res.body.errors)).toContain(field);
  });
});

describe('GET /as-of/escalation-trail/:escalationId', () => {
  it('gives the timeline and measures as known then, with personal values revealed', async () => {
    const res = await get('/as-of/escalation-trail/wsep-2022-001?asOf=2022-06-07');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      escalationId: 'wsep-2022-001',
      status: 'open',
      currentStage: 2,
      measuredOn: '2022-06-07',
      asOf: { basis: 'recorded', position: positions.escalated },
    });
    expect(res.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'escalation-raised',
      'escalation-acknowledged',
      'escalation-response-recorded',
      'escalation-stage-escalated',
    ]);
    expect(res.body.dataSubjects[0]).toMatchObject({ subjectId: 'child-1', name: CHILD });
  });

  it('shows the late closure with its business time once it was entered', async () => {
    const res = await get(`/as-of/escalation-trail/wsep-2022-001?asOf=${positions.closed}`);
    expect(res.body).toMatchObject({ status: 'closed', measuredOn: '2022-06-30' });
    expect(res.body.timeline.at(-1)).toMatchObject({
      type: 'escalation-closed',
      occurredAt: '2022-06-14T09:00:00.000Z',
      recordedAt: '2022-06-30T18:00:00.000Z',
    });
  });

  it.each([
    ['one not yet raised then', '/as-of/escalation-trail/wsep-2022-002?asOf=2022-09-14', 404, 'escalation-not-found'],
    ['one never raised', '/as-of/escalation-trail/nope?asOf=2022-09-15', 404, 'escalation-not-found'],
    ['a bad id', '/as-of/escalation-trail/Not_An_Id?asOf=2022-09-15', 400, 'invalid-id'],
    ['a bad asOf', '/as-of/escalation-trail/wsep-2022-001?asOf=soon', 400, 'validation-failed'],
    ['no asOf', '/as-of/escalation-trail/wsep-2022-001', 400, 'validation-failed'],
  ])('%s: GET %s -> %s %s', (_, url, status, code) => expectReadProblem(url, status, code));
});

describe('escalation trail as-of in OpenAPI', () => {
  it('documents the three endpoints with their permission and the asOf parameter', () =>
    expectDocumented(
      {
        '/as-of/escalation-trail': 'listEscalationTrailAsOf',
        '/as-of/escalation-trail/summary': 'summariseEscalationTrailAsOf',
        '/as-of/escalation-trail/{escalationId}': 'getEscalationTrailAsOf',
      },
      '/as-of/escalation-trail',
      ['asOf', 'agency', 'stage', 'status', 'breached', 'from', 'to', 'limit', 'cursor'],
    ));
});

/** Last: it appends an erasure. */
describe('erasure reaches the past', () => {
  it('an erased subject is erased in every as-of answer too: time travel does not bring personal data back', async () => {
    await on(
      '2023-01-10',
      'erased',
      '/data-subjects/child-1/erasure',
      { reason: 'Erasure request upheld' },
      { userId: 'dpo-1', role: 'data-protection-officer' },
    );
    const res = await get('/as-of/escalation-trail/wsep-2022-001?asOf=2022-06-07');
    expect(res.body.dataSubjects[0]).toMatchObject({ subjectId: 'child-1', name: '[erased]' });
    expect(JSON.stringify((await get('/as-of/escalation-trail?asOf=2022-06-07')).body)).not.toContain(CHILD);
  });
});
