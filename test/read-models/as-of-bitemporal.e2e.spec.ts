import type { TokenClaims } from '../../src/auth/mint-token';
import { eventCount, expectProblem } from '../support/http';
import { asOfSuite } from './support/as-of-suite';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

/**
 * Issue 14's acceptance: the minutes of the 1 October 2024 board (the partner and person it
 * admitted, the board itself, the protocol it adopted, attendance, a decision, its sign-off, an
 * action, an escalation it raised, the year's budget) are entered through the API on 21 November
 * (the injected clock), with occurredAt 2024-10-01. validAt answers what was true on the board's
 * day on every read model; knownAt answers what the ledger held, exactly as asOf did.
 */
let t: ProjectionsTestApp;
const { positions, get, on } = asOfSuite(() => t, '10');
const admin: Partial<TokenClaims> = { userId: 'admin-1', role: 'admin' };

const MEETING = 'wseb-2024-10-01';
const BOARD_TIME = '2024-10-01T10:00:00Z';
const TODAY = '2024-11-21';

/** Recorded today about the board's day. */
const minute = (name: string, url: string, body: Record<string, unknown>, claims?: Partial<TokenClaims>) =>
  on(TODAY, name, url, { ...body, occurredAt: BOARD_TIME }, claims);

beforeAll(async () => {
  // Snapshots every 3 events: knownAt answers come from a snapshot, validAt answers cannot.
  t = await startProjectionsApp({ READ_MODEL_SNAPSHOT_EVERY: '3' });
  // Known, and true, since September: the council.
  await on('2024-09-02', 'wcc', '/partners', { partnerId: 'wcc', name: 'WCC', kind: 'local-authority' }, admin);
  await minute('police', '/partners', { partnerId: 'police', name: 'Police', kind: 'police' }, admin);
  await minute('person', '/people', { personId: 'pete-hill', name: 'Pete Hill', partnerId: 'police' }, admin);
  await minute('board', '/boards', { boardId: 'wseb', name: 'Executive Board', kind: 'executive-board' }, admin);
  await minute(
    'protocol',
    '/escalation-protocols',
    {
      protocolId: 'ws-escalation-protocol',
      name: 'Escalation Protocol',
      stages: [{ name: 'Practitioner to practitioner', timescaleWorkingDays: 2 }],
    },
    admin,
  );
  await minute('meeting', '/meetings', { meetingId: MEETING, boardId: 'wseb', scheduledFor: '2024-10-01T09:30:00Z' });
  await minute('item', `/meetings/${MEETING}/agenda-items`, { itemNumber: 4, title: 'Safeguarding plan' });
  await minute('attendance', `/meetings/${MEETING}/attendance`, {
    entries: [{ personId: 'pete-hill', status: 'present', representingPartnerId: 'police' }],
  });
  await minute('decision', '/decisions', {
    decisionId: 'd-plan',
    meetingId: MEETING,
    itemNumber: 4,
    outcome: 'agreed',
    text: 'Adopt the safeguarding plan',
  });
  await minute('signoff', '/signoffs', {
    signoffId: 'so-plan',
    artefact: { artefactId: 'plan', kind: 'report', title: 'Plan', version: 'v1', contentHash: 'a'.repeat(64) },
    requiredPartnerIds: ['wcc', 'police'],
    meetingId: MEETING,
    decisionId: 'd-plan',
  });
  await minute('action', '/actions', {
    actionId: 'a-plan',
    meetingId: MEETING,
    itemNumber: 4,
    text: 'Publish the plan',
    owners: [{ kind: 'person', personId: 'pete-hill' }],
    dueDate: '2024-10-31',
  });
  await minute('escalation', '/escalations', {
    escalationId: 'wsep-2024-001',
    protocolId: 'ws-escalation-protocol',
    subject: 'Strategy discussion not convened',
    raisedByAgency: 'wcc',
    concerningAgency: 'police',
  });
  await minute('budget', '/budgets', {
    financialYear: '2024-25',
    totalPence: 30_000_000,
    lines: [{ lineId: 'reviews', name: 'Practice reviews', amountPence: 3_500_000 }],
  });
  await t.runner.waitFor(positions.budget);
});
afterAll(() => t.close());

/** Every read model's as-of list, the id its items carry, and what the board's minutes put in it. */
const READ_MODELS: [string, string, string][] = [
  ['/as-of/action-log', 'actionId', 'a-plan'],
  ['/as-of/decision-register', 'decisionId', 'd-plan'],
  ['/as-of/budgets', 'financialYear', '2024-25'],
  ['/as-of/escalation-trail', 'escalationId', 'wsep-2024-001'],
  ['/as-of/partners', 'partnerId', 'police'],
  ['/as-of/people', 'personId', 'pete-hill'],
  ['/as-of/boards', 'boardId', 'wseb'],
  ['/as-of/meetings', 'meetingId', MEETING],
  ['/as-of/signoffs', 'signoffId', 'so-plan'],
  ['/as-of/escalation-protocols', 'protocolId', 'ws-escalation-protocol'],
];
/** Each record the minutes made, read one at a time. */
const RECORDS = [
  `/as-of/action-log/a-plan`,
  `/as-of/decision-register/d-plan`,
  `/as-of/budgets/2024-25/contributions`,
  `/as-of/escalation-trail/wsep-2024-001`,
  `/as-of/partners/police`,
  `/as-of/people/pete-hill`,
  `/as-of/boards/wseb`,
  `/as-of/meetings/${MEETING}`,
  `/as-of/signoffs/so-plan`,
  `/as-of/escalation-protocols/ws-escalation-protocol`,
];

const ids = (body: { items: Record<string, string>[] }, field: string) => body.items.map((i) => i[field]);
const join = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

describe('validAt: what was true on the board day, as known now', () => {
  it.each(READ_MODELS)('%s?validAt=2024-10-01 shows what the board did (%s %s)', async (path, field, id) => {
    const res = await get(`${path}?validAt=2024-10-01`);
    expect(res.status).toBe(200);
    expect(ids(res.body, field)).toContain(id);
    expect(res.body.asOf).toMatchObject({
      axes: ['validAt'],
      basis: 'latest',
      position: positions.budget,
      validAt: { requested: '2024-10-01', through: '2024-10-01T23:59:59.999Z' },
      snapshot: null,
    });
    expect(res.body.asOf).not.toHaveProperty('requested');
  });

  it.each(READ_MODELS)('%s?validAt=2024-09-30 does not: the board had not met (%s %s)', async (path, field, id) => {
    const res = await get(`${path}?validAt=2024-09-30`);
    expect(res.status).toBe(200);
    expect(ids(res.body, field)).not.toContain(id);
  });

  it.each(RECORDS)('%s answers 200 on the board day and 404 the day before', async (url) => {
    expect((await get(join(url, 'validAt=2024-10-01'))).status).toBe(200);
    expect((await get(join(url, 'validAt=2024-09-30'))).status).toBe(404);
  });

  it('shows what was known and true before the board: the council, registered in September', async () => {
    expect(ids((await get('/as-of/partners?validAt=2024-09-30')).body, 'partnerId')).toEqual(['wcc']);
  });

  it('shows the meeting as minuted: attendance, and the decision and action raised there', async () => {
    const res = await get(`/as-of/meetings/${MEETING}?validAt=2024-10-01`);
    expect(JSON.stringify(res.body)).toContain('pete-hill');
    const action = await get('/as-of/action-log/a-plan?validAt=2024-10-01');
    expect(action.body).toMatchObject({ status: 'open', boardId: 'wseb', overdue: false });
    expect(action.body.history.map((h: { type: string }) => h.type)).toEqual(['action-raised']);
  });

  it('measures at validAt: the action due on 31 October was not yet overdue on the board day, and is by 1 November', async () => {
    expect((await get('/as-of/action-log/a-plan?validAt=2024-10-01')).body.overdue).toBe(false);
    expect((await get('/as-of/action-log/a-plan?validAt=2024-11-01')).body.overdue).toBe(true);
    expect((await get('/as-of/escalation-trail?validAt=2024-10-01')).body.measuredOn).toBe('2024-10-01');
  });

  it('takes an instant with a zone: the board at 10:00 UTC had not yet met at 09:00 UTC, and had by 11:00 +01:00', async () => {
    expect(ids((await get('/as-of/decision-register?validAt=2024-10-01T09:00:00Z')).body, 'decisionId')).toEqual([]);
    expect(ids((await get('/as-of/decision-register?validAt=2024-10-01T11:00:00%2B01:00')).body, 'decisionId')).toEqual(
      ['d-plan'],
    );
  });
});

describe('knownAt: what the ledger held then (recording time)', () => {
  it.each(READ_MODELS)(
    '%s?knownAt=<the day before the minutes were entered> shows nothing of the board',
    async (path, field, id) => {
      const res = await get(`${path}?knownAt=2024-11-20`);
      expect(res.status).toBe(200);
      expect(ids(res.body, field)).not.toContain(id);
      expect(res.body.asOf).toMatchObject({ axes: ['knownAt'], basis: 'recorded', position: positions.wcc });
    },
  );

  it.each(READ_MODELS)(
    '%s: both axes, true on the board day as known before the minutes: nothing of the board',
    async (path, field, id) => {
      const res = await get(`${path}?knownAt=2024-11-20&validAt=2024-10-01`);
      expect(ids(res.body, field)).not.toContain(id);
      expect(res.body.asOf).toMatchObject({ axes: ['knownAt', 'validAt'], basis: 'recorded', requested: '2024-11-20' });
    },
  );

  it.each([...READ_MODELS.map(([path]) => path), ...RECORDS])(
    '%s?knownAt= answers exactly as ?asOf= did (a date and a position), which stays one release, deprecated',
    async (path) => {
      // Today (everything), a position mid-minutes (some records not yet entered: 404 alike), before the minutes.
      for (const at of [TODAY, String(positions.decision), '2024-11-20']) {
        const known = await get(join(path, `knownAt=${at}`));
        const old = await get(join(path, `asOf=${at}`));
        expect([at, known.status]).toEqual([at, old.status]);
        expect(known.body).toEqual(old.body);
        if (at === TODAY) expect(known.status).toBe(200);
        expect(known.headers.deprecation).toBeUndefined();
        if (old.status === 200) {
          expect(old.headers.deprecation).toMatch(/^@\d+$/);
          expect(old.headers.link).toContain('rel="deprecation"');
        }
      }
    },
  );
});

describe('refusals (nothing is written)', () => {
  it.each([
    ['validAt as a log position (business time has none)', 'validAt=1234', 'validAt'],
    ['a validAt that is not a date', 'validAt=yesterday', 'validAt'],
    ['an impossible validAt', 'validAt=2024-02-30', 'validAt'],
    ['a zoneless validAt', 'validAt=2024-10-01T10:00:00', 'validAt'],
    ['a malformed knownAt', 'knownAt=soon', 'knownAt'],
    ['a malformed knownAt beside a good validAt', 'knownAt=soon&validAt=2024-10-01', 'knownAt'],
    ['neither axis', '', 'knownAt'],
  ])('%s: 400 validation-failed naming %s', async (_, query, field) => {
    const before = await eventCount(t);
    for (const path of ['/as-of/meetings', `/as-of/meetings/${MEETING}`]) {
      const res = await get(`${path}?${query}`);
      expectProblem(res, 400, 'validation-failed');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect(await eventCount(t)).toBe(before);
  });

  it('with validAt, asOf and knownAt that disagree: 400 conflicting-parameters', async () => {
    const res = await get('/as-of/decision-register?asOf=2024-11-20&knownAt=2024-11-21&validAt=2024-10-01');
    expectProblem(res, 400, 'conflicting-parameters');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['asOf']);
  });

  it('with validAt, asOf and knownAt that agree: answered as knownAt, with the Deprecation header', async () => {
    const res = await get('/as-of/decision-register?asOf=2024-11-21&knownAt=2024-11-21&validAt=2024-10-01');
    expect(res.status).toBe(200);
    expect(ids(res.body, 'decisionId')).toEqual(['d-plan']);
    expect(res.body.asOf).toMatchObject({ axes: ['knownAt', 'validAt'], requested: '2024-11-21' });
    expect(res.headers.deprecation).toMatch(/^@\d+$/);
  });

  it('with validAt and the deprecated asOf alone: asOf is knownAt', async () => {
    const res = await get('/as-of/decision-register?asOf=2024-11-20&validAt=2024-10-01');
    expect(ids(res.body, 'decisionId')).toEqual([]);
    expect(res.body.asOf).toMatchObject({ axes: ['knownAt', 'validAt'], requested: '2024-11-20' });
  });

  it('on a live read, validAt is not a filter: 400 naming it (the time axes are on /as-of/*)', async () => {
    const res = await get('/meetings?validAt=2024-10-01');
    expectProblem(res, 400, 'validation-failed');
    expect(JSON.stringify(res.body.errors)).toContain('validAt');
  });
});

describe('OpenAPI', () => {
  it('documents knownAt, validAt and the deprecated asOf on every as-of operation, naming the time axis', async () => {
    const doc = (await get('/openapi.json', { token: null })).body;
    const asOfPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/as-of/'));
    expect(asOfPaths.length).toBeGreaterThanOrEqual(READ_MODELS.length + RECORDS.length);
    for (const path of asOfPaths) {
      const byName = Object.fromEntries(
        doc.paths[path].get.parameters.map((p: { name: string }) => [p.name, p] as const),
      ) as Record<string, { description: string; deprecated?: boolean; required?: boolean }>;
      expect(byName.knownAt.description).toMatch(/^Recording time/);
      expect(byName.validAt.description).toMatch(/^Business time/);
      expect(byName.asOf).toMatchObject({ deprecated: true });
      for (const name of ['knownAt', 'validAt', 'asOf']) expect(byName[name].required).toBeFalsy();
    }
  });
});
