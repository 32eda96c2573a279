import { eventCount, expectProblem, send } from '../support/http';
import { describeCommandEndpoints, type CommandEndpoint } from '../support/command-endpoints';
import { ADMIN, appForEachTest, type TestApp } from '../support/test-app';

describe('people and boards (e2e)', () => {
  let t: TestApp;
  appForEachTest((app) => (t = app));
  const admin = () => t.token(ADMIN);
  const post = async (url: string, body: unknown, o: { ifMatch?: string; idempotencyKey?: string } = {}) =>
    send(t, url, body, { token: await admin(), ...o });
  /** A partner, a person at it, a board and the person seated on it: what each case below builds on (4 events). */
  const seed = async () => {
    await post('/partners', { partnerId: 'cw-ccg', name: 'Coventry and Warwickshire CCG', kind: 'health' });
    await post('/people', { personId: 'jackie-channell', name: 'Jackie Channell', partnerId: 'cw-ccg' });
    await post('/boards', {
      boardId: 'wseb',
      name: 'Warwickshire Safeguarding Executive Board',
      kind: 'executive-board',
    });
    const seat = { seat: 'health', partnerId: 'cw-ccg', personId: 'jackie-channell', statutory: true };
    await post('/boards/wseb/members', { ...seat, from: '2022-01-01' });
    expect(await eventCount(t)).toBe(4);
  };

  const endpoints: CommandEndpoint[] = [
    {
      name: 'register person',
      url: '/people',
      status: 201,
      event: 'person-registered',
      stream: 'person-jo-galloway',
      good: { personId: 'jo-galloway', name: 'Jo Galloway', partnerId: 'cw-ccg', title: 'Designated Nurse' },
      bad: { personId: 'JG', name: '', partnerId: 'cw ccg', title: 'x'.repeat(201), extra: true },
      badFields: ['extra', 'name', 'partnerId', 'personId', 'title'],
      brokenBecause: 'a partner the handler finds unregistered',
      broken: { personId: 'nick-pullan', name: 'Nick Pullan', partnerId: 'schools-forum' },
      brokenStatus: 422,
      brokenCode: 'partner-not-registered',
    },
    {
      name: 'update person',
      url: '/people/jackie-channell/update',
      status: 200,
      event: 'person-updated',
      stream: 'person-jackie-channell',
      good: { effectiveFrom: '2022-07-01', title: 'Escalation lead for health' },
      bad: { effectiveFrom: '1 July', partnerId: 'ICB', title: '' },
      badFields: ['effectiveFrom', 'partnerId', 'title'],
    },
    {
      name: 'register board',
      url: '/boards',
      status: 201,
      event: 'board-registered',
      stream: 'board-wseb-training',
      good: { boardId: 'wseb-training', name: 'Training subgroup', kind: 'subgroup', parentBoardId: 'wseb' },
      bad: { boardId: 'WSCB', name: 'x'.repeat(201), kind: 'committee', parentBoardId: 7 },
      badFields: ['boardId', 'kind', 'name', 'parentBoardId'],
    },
    {
      name: 'add board member',
      url: '/boards/wseb/members',
      status: 200,
      event: 'board-member-added',
      stream: 'board-wseb',
      good: {
        seat: 'designated-nurse',
        partnerId: 'cw-ccg',
        personId: 'jackie-channell',
        statutory: false,
        from: '2022-01-01',
      },
      bad: { seat: 'DN', partnerId: 7, personId: '', statutory: 'yes', from: 'January' },
      badFields: ['from', 'partnerId', 'personId', 'seat', 'statutory'],
      brokenBecause: 'a person the handler finds unregistered',
      broken: { seat: 'police', partnerId: 'cw-ccg', personId: 'pete-hill', statutory: true, from: '2022-01-01' },
      brokenStatus: 422,
      brokenCode: 'person-not-registered',
    },
    {
      name: 'end board membership',
      url: '/boards/wseb/members/health/jackie-channell/end',
      status: 200,
      event: 'board-membership-ended',
      stream: 'board-wseb',
      good: { to: '2022-06-30' },
      bad: { to: 'end of June', extra: 1 },
      badFields: ['extra', 'to'],
      brokenBecause: 'an end before the membership began',
      broken: { to: '2021-12-31' },
      brokenStatus: 422,
      brokenCode: 'membership-ends-before-start',
    },
    {
      name: 'arrange board deputy',
      url: '/boards/wseb/members/health/deputies',
      status: 200,
      event: 'board-deputy-arranged',
      stream: 'board-wseb',
      good: { deputyPersonId: 'jackie-channell', from: '2022-03-01' },
      bad: { deputyPersonId: 'JC', from: '2022-13-01', to: 5 },
      badFields: ['deputyPersonId', 'from', 'to'],
      brokenBecause: 'a deputy the handler finds unregistered',
      broken: { deputyPersonId: 'jo-galloway', from: '2022-03-01' },
      brokenStatus: 422,
      brokenCode: 'person-not-registered',
    },
    {
      name: 'set board quorum rule',
      url: '/boards/wseb/quorum-rules',
      status: 200,
      event: 'board-quorum-rule-set',
      stream: 'board-wseb',
      good: { rule: 'each-statutory-partner', from: '2022-01-01' },
      bad: { rule: 'half', minimum: 0, from: 'x' },
      badFields: ['from', 'minimum', 'rule'],
      brokenBecause: 'a minimum-count rule without its minimum',
      broken: { rule: 'minimum-count', from: '2022-01-01' },
      brokenStatus: 422,
      brokenCode: 'quorum-minimum-required',
    },
  ];

  describeCommandEndpoints(endpoints, {
    app: () => t,
    post,
    seed,
    seeded: 4,
    actorUserId: 'admin-1',
    recordsTitle: 'records the event on its stream with the token actor',
  });

  it('keeps who a person represented before a move to a successor partner, and refuses a move to an unregistered one', async () => {
    await seed();
    await post('/partners', { partnerId: 'cw-icb', name: 'Coventry and Warwickshire ICB', kind: 'health' });
    const moved = await post(
      '/people/jackie-channell/update',
      { effectiveFrom: '2022-07-01', partnerId: 'cw-icb' },
      { ifMatch: '"0"' },
    );
    expect(moved.status).toBe(200);
    expect(moved.headers.etag).toBe('"1"');
    expectProblem(
      await post('/people/jackie-channell/update', { effectiveFrom: '2022-08-01', partnerId: 'nowhere' }),
      422,
      'partner-not-registered',
    );
    const stored = await t.store.readStream('person-jackie-channell');
    expect(stored.map((s) => s.data)).toEqual([
      { personId: 'jackie-channell', name: 'Jackie Channell', partnerId: 'cw-ccg' },
      { personId: 'jackie-channell', effectiveFrom: '2022-07-01', partnerId: 'cw-icb' },
    ]);
  });

  it('refuses a group under a board the handler finds unregistered, and a bad id in the path (400)', async () => {
    await seed();
    expectProblem(
      await post('/boards', {
        boardId: 'tfg',
        name: 'Task and finish',
        kind: 'task-and-finish-group',
        parentBoardId: 'nope',
      }),
      422,
      'parent-board-not-registered',
    );
    expectProblem(
      await post('/people/Jackie Channell/update', { effectiveFrom: '2022-07-01', title: 'x' }),
      400,
      'invalid-id',
    );
    expect(await eventCount(t)).toBe(4);
  });
});
