import { eventCount, expectProblem, send } from '../support/http';
import { describeCommandEndpoints, type CommandEndpoint } from '../support/command-endpoints';
import { ADMIN, appForEachTest, type TestApp } from '../support/test-app';

describe('people and boards (e2e)', () => {
  let t: TestApp;
  appForEachTest((app) => (t = app));
  const admin = () => t.token(ADMIN);
  const post = async (url: string, body: unknown, o: { ifMatch?: string; idempotencyKey?: string } = {}) =>
    send(t, url, body, { token: await admin(), ...o });
  /** A partner, a person at it and a board: what each case below builds on (3 events). */
  const seed = async () => {
    await post('/partners', { partnerId: 'cw-ccg', name: 'Coventry and Warwickshire CCG', kind: 'health' });
    await post('/people', { personId: 'jackie-channell', name: 'Jackie Channell', partnerId: 'cw-ccg' });
    await post('/boards', {
      boardId: 'wseb',
      name: 'Warwickshire Safeguarding Executive Board',
      kind: 'executive-board',
    });
    expect(await eventCount(t)).toBe(3);
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
  ];

  describeCommandEndpoints(endpoints, {
    app: () => t,
    post,
    seed,
    seeded: 3,
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
    expect(await eventCount(t)).toBe(3);
  });
});
