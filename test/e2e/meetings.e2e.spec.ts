import { eventCount, expectProblem, send } from '../support/http';
import { describeCommandEndpoints, type CommandEndpoint } from '../support/command-endpoints';
import { ADMIN, appForEachTest, type TestApp } from '../support/test-app';

const MAY = '/meetings/wseb-2022-05-10';

describe('meetings (e2e)', () => {
  let t: TestApp;
  appForEachTest((app) => (t = app));
  const admin = () => t.token(ADMIN);
  /** Meetings are recorded by the business manager: the default token. */
  const post = (url: string, body: unknown, o: { ifMatch?: string; idempotencyKey?: string } = {}) =>
    send(t, url, body, o);
  const SEEDED = 11;
  /** Partners, people and boards (admin), two meetings of one board and one of another, one attendance line and one item. */
  const seed = async () => {
    const asAdmin = async (url: string, body: unknown) =>
      expect((await send(t, url, body, { token: await admin() })).status).toBe(201);
    await asAdmin('/partners', { partnerId: 'cw-ccg', name: 'Coventry and Warwickshire CCG', kind: 'health' });
    await asAdmin('/partners', { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' });
    for (const [personId, name, partnerId] of [
      ['pete-hill', 'Pete Hill', 'warwickshire-police'],
      ['jo-galloway', 'Jo Galloway', 'cw-ccg'],
      ['jackie-channell', 'Jackie Channell', 'cw-ccg'],
    ]) {
      await asAdmin('/people', { personId, name, partnerId });
    }
    await asAdmin('/boards', {
      boardId: 'wseb',
      name: 'Warwickshire Safeguarding Executive Board',
      kind: 'executive-board',
    });
    await asAdmin('/boards', {
      boardId: 'worcs-scb',
      name: 'Worcestershire Safeguarding Children Board',
      kind: 'partnership-board',
    });
    expect(
      (await post('/meetings', { meetingId: 'wseb-2022-02-01', boardId: 'wseb', scheduledFor: '2022-02-01T10:00:00Z' }))
        .status,
    ).toBe(201);
    expect(
      (
        await post('/meetings', {
          meetingId: 'wseb-2022-05-10',
          boardId: 'wseb',
          scheduledFor: '2022-05-10T10:30:00+01:00',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post(`${MAY}/attendance`, {
          entries: [{ personId: 'pete-hill', status: 'present', representingPartnerId: 'warwickshire-police' }],
        })
      ).status,
    ).toBe(200);
    expect((await post(`${MAY}/agenda-items`, { itemNumber: 3, title: 'Partner updates' })).status).toBe(200);
    expect(await eventCount(t)).toBe(SEEDED);
  };

  const endpoints: CommandEndpoint[] = [
    {
      name: 'schedule meeting',
      url: '/meetings',
      status: 201,
      event: 'meeting-scheduled',
      stream: 'meeting-wseb-2022-09-22',
      good: {
        meetingId: 'wseb-2022-09-22',
        boardId: 'wseb',
        scheduledFor: '2022-09-22T10:00:00+01:00',
        title: 'Executive Board',
        location: 'Shire Hall',
      },
      bad: { meetingId: 'WSEB 22', boardId: '', scheduledFor: 'next Tuesday', title: 'x'.repeat(201), location: 5 },
      badFields: ['boardId', 'location', 'meetingId', 'scheduledFor', 'title'],
      brokenBecause: 'an unregistered board',
      broken: { meetingId: 'wseb-2022-09-22', boardId: 'wscb', scheduledFor: '2022-09-22T10:00:00Z' },
      brokenStatus: 422,
      brokenCode: 'board-not-registered',
    },
    {
      name: 'record attendance',
      url: `${MAY}/attendance`,
      status: 200,
      event: 'attendance-recorded',
      stream: 'meeting-wseb-2022-05-10',
      good: {
        entries: [
          { personId: 'jo-galloway', status: 'apologies' },
          {
            personId: 'jackie-channell',
            status: 'deputising',
            deputisingForPersonId: 'jo-galloway',
            representingPartnerId: 'cw-ccg',
          },
        ],
      },
      bad: { entries: [{ personId: 'JC', status: 'absent', note: 'x' }] },
      badFields: ['entries.0.note', 'entries.0.personId', 'entries.0.status'],
    },
    {
      name: 'correct attendance',
      url: `${MAY}/attendance/pete-hill/correction`,
      status: 200,
      event: 'attendance-corrected',
      stream: 'meeting-wseb-2022-05-10',
      good: { status: 'apologies', reason: 'Apologies were sent before the meeting' },
      bad: { status: 'gone', deputisingForPersonId: 'JG', reason: '' },
      badFields: ['deputisingForPersonId', 'reason', 'status'],
    },
    {
      name: 'add agenda item',
      url: `${MAY}/agenda-items`,
      status: 200,
      event: 'agenda-item-added',
      stream: 'meeting-wseb-2022-05-10',
      good: {
        itemNumber: 4,
        title: 'Child Safeguarding Practice Review',
        presenterPersonIds: ['pete-hill', 'jo-galloway'],
      },
      bad: { itemNumber: 0, title: '', presenterPersonId: 'PH', presenterPersonIds: ['PH'] },
      badFields: ['itemNumber', 'presenterPersonId', 'presenterPersonIds', 'title'],
      brokenBecause: 'an unregistered presenter',
      broken: { itemNumber: 4, title: 'Covid-19 updates', presenterPersonIds: ['pete-hill', 'nicki-pettitt'] },
      brokenStatus: 422,
      brokenCode: 'person-not-registered',
    },
    {
      name: 'record contribution',
      url: `${MAY}/contributions`,
      status: 201,
      event: 'contribution-recorded',
      stream: 'meeting-wseb-2022-05-10',
      good: { itemNumber: 3, personId: 'pete-hill', summary: 'Said the inspection report is due in June' },
      bad: { itemNumber: 0, personId: 'PH', summary: '', note: 5 },
      badFields: ['itemNumber', 'note', 'personId', 'summary'],
      brokenBecause: 'an unregistered person',
      broken: { itemNumber: 3, personId: 'nicki-pettitt', summary: 'Presented the review' },
      brokenStatus: 422,
      brokenCode: 'person-not-registered',
    },
    {
      name: 'approve previous minutes',
      url: `${MAY}/previous-minutes-approval`,
      status: 200,
      event: 'previous-minutes-approved',
      stream: 'meeting-wseb-2022-05-10',
      good: {
        previousMeetingId: 'wseb-2022-02-01',
        outcome: 'amended',
        amendments: ['Item 3: six districts, not two'],
      },
      bad: { previousMeetingId: 'Feb', outcome: 'fine', amendments: 'all good' },
      badFields: ['amendments', 'outcome', 'previousMeetingId'],
    },
    {
      name: 'change meeting location',
      url: '/meetings/wseb-2022-02-01/location',
      status: 200,
      event: 'meeting-location-changed',
      stream: 'meeting-wseb-2022-02-01',
      good: { location: 'Shire Hall, Warwick', reason: 'The committee room is being refurbished' },
      bad: { location: '', reason: 7 },
      badFields: ['location', 'reason'],
    },
    {
      name: 'close meeting',
      url: `${MAY}/close`,
      status: 200,
      event: 'meeting-closed',
      stream: 'meeting-wseb-2022-05-10',
      good: { occurredAt: '2022-05-10T12:30:00Z' },
      bad: { occurredAt: '10 May', reason: 'done' },
      badFields: ['occurredAt', 'reason'],
    },
  ];

  describeCommandEndpoints(endpoints, {
    app: () => t,
    post,
    seed,
    seeded: SEEDED,
    actorUserId: 'amrita-sharma',
    recordsTitle: 'records the event on the meeting stream with the token actor',
  });

  it('applies a change when If-Match is current, answering the new revision as ETag', async () => {
    await seed();
    const ok = await post(`${MAY}/agenda-items`, { itemNumber: 1, title: 'Welcome and apologies' }, { ifMatch: '"2"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe('"3"');
  });

  it('refuses attendance naming a person the handler finds unregistered, writing nothing', async () => {
    await seed();
    expectProblem(
      await post(`${MAY}/attendance`, { entries: [{ personId: 'nigel-minns', status: 'present' }] }),
      422,
      'person-not-registered',
    );
    expect(await eventCount(t)).toBe(SEEDED);
  });

  it('writes nothing when the same attendance is sent again', async () => {
    await seed();
    const again = await post(`${MAY}/attendance`, {
      entries: [{ personId: 'pete-hill', status: 'present', representingPartnerId: 'warwickshire-police' }],
    });
    expect(again.status).toBe(200);
    expect(again.body.events).toEqual([]);
    expect(await eventCount(t)).toBe(SEEDED);
  });

  it('refuses approving the minutes of a loaded meeting that is later, of another board, or missing', async () => {
    await seed();
    await post('/meetings', {
      meetingId: 'worcs-scb-2019-03-13',
      boardId: 'worcs-scb',
      scheduledFor: '2019-03-13T14:00:00Z',
    });
    await post('/meetings', { meetingId: 'wseb-2022-09-22', boardId: 'wseb', scheduledFor: '2022-09-22T10:00:00Z' });
    const approve = (previousMeetingId: string) =>
      post(`${MAY}/previous-minutes-approval`, { previousMeetingId, outcome: 'accurate' });
    expectProblem(await approve('wseb-2022-09-22'), 422, 'previous-meeting-not-earlier');
    expectProblem(await approve('worcs-scb-2019-03-13'), 422, 'previous-meeting-other-board');
    expectProblem(await approve('wseb-2021-12-01'), 422, 'previous-meeting-not-found');
    expect((await approve('wseb-2022-02-01')).status).toBe(200);
    expect(await eventCount(t)).toBe(SEEDED + 3);
  });

  it('has no route to reopen a closed meeting', async () => {
    await seed();
    expect((await post(`${MAY}/close`, {})).status).toBe(200);
    expect((await post(`${MAY}/reopen`, {})).status).toBe(404);
    expect(await eventCount(t)).toBe(SEEDED + 1);
  });

  it('keeps the business time of the meeting on the event and normalises the scheduled time', async () => {
    await seed();
    await post(`${MAY}/agenda-items`, {
      itemNumber: 2,
      title: 'Minutes from previous meeting',
      occurredAt: '2022-05-10T10:45:00+01:00',
    });
    const stored = await t.store.readStream('meeting-wseb-2022-05-10');
    expect(stored[0].data).toMatchObject({ scheduledFor: '2022-05-10T09:30:00.000Z' });
    expect(stored.at(-1)?.metadata).toMatchObject({ occurredAt: '2022-05-10T09:45:00.000Z' });
  });
});
