import type { TokenClaims } from '../../src/auth/mint-token';
import { asOfSuite } from './support/as-of-suite';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

/**
 * The decision register as it stood then: decisions, sign-offs and conditions written through the API
 * on business dates, the ledger's clock moved between writes; the supersession of the May training
 * decision is entered two weeks after the September board that made it.
 */
let t: ProjectionsTestApp;
const {
  positions,
  get,
  on,
  partnership,
  expectAnsweredFromSnapshot,
  expectRefused,
  expectReadProblem,
  expectDocumented,
} = asOfSuite(() => t, '11');
const rep = (agency: string): Partial<TokenClaims> => ({
  userId: `rep-${agency}`,
  role: 'partner-representative',
  agency,
});

const MAY = 'wseb-2022-05-10';
const SEP = 'wseb-2022-09-22';
const artefact = {
  artefactId: 'cspr-james',
  kind: 'report',
  title: 'CSPR James',
  version: 'v1',
  contentHash: 'a'.repeat(64),
};

beforeAll(async () => {
  // Snapshots every 3 events (the default is 10,000), so answers come from a snapshot plus a short replay.
  t = await startProjectionsApp({ READ_MODEL_SNAPSHOT_EVERY: '3' });
  await partnership(
    '2022-05-01',
    [
      ['wcc', 'local-authority'],
      ['police', 'police'],
    ],
    { boardId: 'wseb', name: 'Executive Board' },
  );
  await on('2022-05-01', 'may', '/meetings', { meetingId: MAY, boardId: 'wseb', scheduledFor: '2022-05-10T09:30:00Z' });
  for (const itemNumber of [4, 5])
    await on('2022-05-01', `item-${itemNumber}`, `/meetings/${MAY}/agenda-items`, {
      itemNumber,
      title: `Item ${itemNumber}`,
    });
  await on('2022-05-10', 'cspr', '/decisions', {
    decisionId: 'd-cspr',
    meetingId: MAY,
    itemNumber: 4,
    outcome: 'agreed',
    text: 'Sign off the review',
    conditions: [{ conditionId: 'c1', text: 'Reviewer updates the report' }],
  });
  await on('2022-05-10', 'training', '/decisions', {
    decisionId: 'd-training',
    meetingId: MAY,
    itemNumber: 5,
    outcome: 'endorsed',
    text: 'Training endorsed',
    budgetPence: 400_000,
  });
  await on('2022-05-10', 'so-requested', '/signoffs', {
    signoffId: 'so-cspr',
    artefact,
    requiredPartnerIds: ['wcc', 'police'],
    meetingId: MAY,
    decisionId: 'd-cspr',
  });
  await on('2022-05-24', 'police-signed', '/signoffs/so-cspr/sign', { partnerId: 'police' }, rep('police'));
  await on('2022-05-24', 'wcc-signed', '/signoffs/so-cspr/sign', { partnerId: 'wcc' }, rep('wcc'));
  await on('2022-06-15', 'c1-satisfied', '/decisions/d-cspr/satisfy-condition', {
    conditionId: 'c1',
    note: 'Report updated',
  });
  await on('2022-09-01', 'sep', '/meetings', { meetingId: SEP, boardId: 'wseb', scheduledFor: '2022-09-22T09:30:00Z' });
  await on('2022-09-01', 'item-3', `/meetings/${SEP}/agenda-items`, { itemNumber: 3, title: 'Training plan' });
  await on('2022-09-22', 'training-2', '/decisions', {
    decisionId: 'd-training-2',
    meetingId: SEP,
    itemNumber: 3,
    outcome: 'approved',
    text: 'Revised training plan',
  });
  // Decided at the September board, entered on 5 October.
  await on('2022-10-05', 'superseded', '/decisions/d-training/supersede', {
    supersededByDecisionId: 'd-training-2',
    reason: 'Revised plan',
    occurredAt: '2022-09-22T11:30:00Z',
  });
  await t.runner.waitFor(positions.superseded);
});
afterAll(() => t.close());

type Item = {
  decisionId: string;
  status: string;
  unsatisfiedConditions: number;
  signoffs: { status: string; signed: number }[];
};
const rows = (res: { body: { items: Item[] } }) =>
  res.body.items.map((i) => [
    i.decisionId,
    i.status,
    i.unsatisfiedConditions,
    i.signoffs.map((s) => `${s.status}:${s.signed}`),
  ]);

describe('GET /as-of/decision-register', () => {
  it.each([
    ['before the first decision was recorded', '2022-05-09', []],
    [
      'the May board',
      '2022-05-10',
      [
        ['d-cspr', 'in-force', 1, ['open:0']],
        ['d-training', 'in-force', 0, []],
      ],
    ],
    [
      'once both partners had signed',
      '2022-05-24',
      [
        ['d-cspr', 'in-force', 1, ['completed:2']],
        ['d-training', 'in-force', 0, []],
      ],
    ],
    [
      'once the condition was met',
      '2022-06-15',
      [
        ['d-cspr', 'in-force', 0, ['completed:2']],
        ['d-training', 'in-force', 0, []],
      ],
    ],
    [
      'the September board, before the supersession was entered',
      '2022-10-04',
      [
        ['d-cspr', 'in-force', 0, ['completed:2']],
        ['d-training', 'in-force', 0, []],
        ['d-training-2', 'in-force', 0, []],
      ],
    ],
    [
      'after the supersession was entered',
      '2022-10-05',
      [
        ['d-cspr', 'in-force', 0, ['completed:2']],
        ['d-training', 'superseded', 0, []],
        ['d-training-2', 'in-force', 0, []],
      ],
    ],
  ])('as known at %s (%s)', async (_, asOf, expected) => {
    const res = await get(`/as-of/decision-register?asOf=${asOf}`);
    expect(res.status).toBe(200);
    expect(rows(res)).toEqual(expected);
    expect(res.body.asOf).toMatchObject({ basis: 'recorded', requested: asOf });
  });

  it('says which position and recorded time answered', async () => {
    const res = await get('/as-of/decision-register?asOf=2022-06-15');
    expectAnsweredFromSnapshot(res.body.asOf, '2022-06-15', 'c1-satisfied', '2022-06-15T18:00:00.000Z');
  });

  it('filters as the live register does, over what was known then', async () => {
    const unsatisfied = (asOf: string) => get(`/as-of/decision-register?asOf=${asOf}&hasUnsatisfiedConditions=true`);
    expect(rows(await unsatisfied('2022-05-24')).map((r) => r[0])).toEqual(['d-cspr']);
    expect(rows(await unsatisfied('2022-06-15'))).toEqual([]);
    expect(rows(await get('/as-of/decision-register?asOf=2022-10-05&status=superseded')).map((r) => r[0])).toEqual([
      'd-training',
    ]);
    expect(rows(await get('/as-of/decision-register?asOf=2022-10-04&status=superseded'))).toEqual([]);
  });

  it('takes a log position, and at the latest one answers what the live register shows', async () => {
    expect(rows(await get(`/as-of/decision-register?asOf=${positions.cspr}`))).toEqual([['d-cspr', 'in-force', 1, []]]);
    const live = await get('/decision-register');
    expect((await get(`/as-of/decision-register?asOf=${positions.superseded}`)).body.items).toEqual(live.body.items);
  });

  it('pages with the cursor at the same asOf', async () => {
    const first = await get('/as-of/decision-register?asOf=2022-10-05&limit=2');
    expect(rows(first).map((r) => r[0])).toEqual(['d-cspr', 'd-training']);
    const second = await get(`/as-of/decision-register?asOf=2022-10-05&limit=2&cursor=${first.body.nextCursor}`);
    expect(rows(second).map((r) => r[0])).toEqual(['d-training-2']);
    expect(second.body.nextCursor).toBeNull();
  });

  it.each([
    ['', 'asOf'],
    ['asOf=tomorrow', 'asOf'],
    ['asOf=2022-13-01', 'asOf'],
    ['asOf=2022-07-01&status=lost', 'status'],
    ['asOf=2022-07-01&board=Not_A_Slug', 'board'],
    ['asOf=2022-07-01&from=July', 'from'],
    ['asOf=2022-07-01&hasUnsatisfiedConditions=yes', 'hasUnsatisfiedConditions'],
  ])('refuses ?%s naming %s, writing nothing', (query, field) =>
    expectRefused(`/as-of/decision-register?${query}`, 400, 'validation-failed', field),
  );
});

describe('GET /as-of/decision-register/:decisionId and /history', () => {
  it('shows the decision, its conditions and its sign-off as they stood then', async () => {
    const res = await get('/as-of/decision-register/d-cspr?asOf=2022-05-10');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      decisionId: 'd-cspr',
      status: 'in-force',
      unsatisfiedConditions: 1,
      meeting: { meetingId: MAY, itemNumber: 4, itemTitle: 'Item 4' },
      asOf: { basis: 'recorded', position: positions['so-requested'] },
    });
    expect(res.body.signoffs).toEqual([expect.objectContaining({ signoffId: 'so-cspr', status: 'open' })]);
  });

  it('shows the late supersession with its business time once it was entered', async () => {
    expect((await get('/as-of/decision-register/d-training?asOf=2022-10-04')).body).toMatchObject({
      status: 'in-force',
    });
    const res = await get('/as-of/decision-register/d-training/history?asOf=2022-10-05');
    expect(res.body.entries.map((e: { type: string }) => e.type)).toEqual(['decision-recorded', 'decision-superseded']);
    expect(res.body.entries[1]).toMatchObject({
      occurredAt: '2022-09-22T11:30:00.000Z',
      recordedAt: '2022-10-05T18:00:00.000Z',
    });
    expect(res.body.asOf).toMatchObject({ position: positions.superseded });
  });

  it('gives the history in ledger order up to a position', async () => {
    const res = await get(`/as-of/decision-register/d-cspr/history?asOf=${positions['police-signed']}`);
    expect(res.body.entries.map((e: { type: string }) => e.type)).toEqual([
      'decision-recorded',
      'signoff-requested',
      'signoff-signed',
    ]);
    expect(res.body).toMatchObject({
      decisionId: 'd-cspr',
      asOf: { basis: 'position', position: positions['police-signed'] },
    });
  });

  it.each([
    [
      'a decision not yet recorded then',
      '/as-of/decision-register/d-training-2?asOf=2022-09-21',
      404,
      'decision-not-found',
    ],
    ['its history then', '/as-of/decision-register/d-training-2/history?asOf=2022-09-21', 404, 'decision-not-found'],
    [
      'at the first position (a partner registered)',
      '/as-of/decision-register/d-cspr?asOf=0',
      404,
      'decision-not-found',
    ],
    ['a decision never recorded', '/as-of/decision-register/nope?asOf=2022-10-05', 404, 'decision-not-found'],
    ['a bad id', '/as-of/decision-register/Not_An_Id?asOf=2022-10-05', 400, 'invalid-id'],
    ['a bad asOf', '/as-of/decision-register/d-cspr?asOf=soon', 400, 'validation-failed'],
    ['no asOf on the history', '/as-of/decision-register/d-cspr/history', 400, 'validation-failed'],
  ])('%s: GET %s -> %s %s', (_, url, status, code) => expectReadProblem(url, status, code));
});

describe('decision register as-of in OpenAPI', () => {
  it('documents the three endpoints with their permission and the asOf parameter', () =>
    expectDocumented(
      {
        '/as-of/decision-register': 'listDecisionRegisterAsOf',
        '/as-of/decision-register/{decisionId}': 'getDecisionRegisterEntryAsOf',
        '/as-of/decision-register/{decisionId}/history': 'getDecisionRegisterHistoryAsOf',
      },
      '/as-of/decision-register',
      ['asOf', 'board', 'meeting', 'status', 'hasUnsatisfiedConditions', 'limit', 'cursor'],
    ));
});
