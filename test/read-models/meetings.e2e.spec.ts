import type { TokenClaims } from '../../src/auth/mint-token';
import { eventCount, expectProblem, send } from '../support/http';
import { messages, openStream, readUntil } from '../support/sse';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

/**
 * The meetings read model over the HTTP API: two boards' meetings written through the commands on
 * their business dates (the ledger's clock moved between writes), then read back as a front end would.
 */
let t: ProjectionsTestApp;
const positions: Record<string, number> = {};
const get = (url: string, o: { token?: string | null } = {}) => send(t, url, undefined, { method: 'GET', ...o });
const admin: Partial<TokenClaims> = { userId: 'admin-1', role: 'admin' };

/**
 * A command recorded on `day` (the ledger's clock at 18:00 UTC), which must succeed; remembers its
 * position. Dated at 11:00 that day, except commands that take no occurredAt (recorded when sent).
 */
async function on(day: string, name: string, url: string, body: object, claims: Partial<TokenClaims> = {}) {
  t.clock.set(`${day}T18:00:00.000Z`);
  const dated = url.endsWith('/correction') ? body : { occurredAt: `${day}T11:00:00Z`, ...body };
  const res = await send(t, url, dated, { token: await t.token(claims) });
  expect(res.status).toBeLessThan(300);
  positions[name] = res.body.position;
  await t.runner.waitFor(res.body.position);
}

const FEB = 'wseb-2022-02-01';
const MAY = 'wseb-2022-05-10';
const WORCS = 'worcs-2022-05-11';

beforeAll(async () => {
  t = await startProjectionsApp({});
  for (const [partnerId, name, kind] of [
    ['warwickshire-police', 'Warwickshire Police', 'police'],
    ['cw-ccg', 'Coventry and Warwickshire CCG', 'health'],
  ])
    await on('2022-01-10', partnerId, '/partners', { partnerId, name, kind }, admin);
  for (const [personId, name, partnerId] of [
    ['pete-hill', 'Pete Hill', 'warwickshire-police'],
    ['jo-galloway', 'Jo Galloway', 'cw-ccg'],
    ['jackie-channell', 'Jackie Channell', 'cw-ccg'],
  ])
    await on('2022-01-10', personId, '/people', { personId, name, partnerId }, admin);
  for (const [boardId, name] of [
    ['wseb', 'Warwickshire Safeguarding Executive Board'],
    ['worcs-scb', 'Worcestershire Safeguarding Children Board'],
  ])
    await on('2022-01-10', boardId, '/boards', { boardId, name, kind: 'executive-board' }, admin);
  await on('2022-01-20', 'feb', '/meetings', { meetingId: FEB, boardId: 'wseb', scheduledFor: '2022-02-01T10:00:00Z' });
  await on('2022-04-20', 'may', '/meetings', {
    meetingId: MAY,
    boardId: 'wseb',
    scheduledFor: '2022-05-10T09:30:00Z',
    title: 'Executive Board',
    location: 'Shire Hall',
  });
  await on('2022-04-21', 'worcs', '/meetings', {
    meetingId: WORCS,
    boardId: 'worcs-scb',
    scheduledFor: '2022-05-11T14:00:00Z',
  });
  await on('2022-04-25', 'moved', `/meetings/${MAY}/location`, { location: 'Microsoft Teams', reason: 'Covid' });
  await on('2022-05-10', 'item-4', `/meetings/${MAY}/agenda-items`, {
    itemNumber: 4,
    label: '4',
    title: 'Child Safeguarding Practice Review',
    presenterPersonId: 'pete-hill',
  });
  await on('2022-05-10', 'attendance', `/meetings/${MAY}/attendance`, {
    entries: [
      { personId: 'pete-hill', status: 'present', representingPartnerId: 'warwickshire-police' },
      { personId: 'jackie-channell', status: 'apologies' },
      { personId: 'jo-galloway', status: 'deputising', deputisingForPersonId: 'jackie-channell' },
    ],
  });
  await on('2022-05-10', 'minutes', `/meetings/${MAY}/previous-minutes-approval`, {
    previousMeetingId: FEB,
    outcome: 'amended',
    amendments: ['Item 3: Pete Hill sent apologies'],
  });
  await on('2022-05-10', 'decision', '/decisions', {
    decisionId: 'd-cspr',
    meetingId: MAY,
    itemNumber: 4,
    outcome: 'agreed',
    text: 'Sign off the review',
  });
  await on('2022-05-10', 'action', '/actions', {
    actionId: 'a-publish',
    meetingId: MAY,
    itemNumber: 4,
    text: 'Publish the review',
    owners: [{ kind: 'person', personId: 'pete-hill' }],
    dueDate: '2022-06-30',
  });
  // Typed up a week later: the correction is recorded on 2022-05-17 about the 10 May meeting.
  await on('2022-05-17', 'correction', `/meetings/${MAY}/attendance/pete-hill/correction`, {
    status: 'in-attendance',
    representingPartnerId: 'warwickshire-police',
    reason: 'Attended as adviser',
  });
  await on('2022-05-17', 'closed', `/meetings/${MAY}/close`, {});
});
afterAll(async () => {
  await t?.close();
});

describe('GET /meetings: each meeting with its board, date, attendance, agenda, minutes approved, decisions and actions', () => {
  it('lists the meetings in id order, filtered by board and date range, cursor-paged', async () => {
    const all = await get('/meetings');
    expect(all.status).toBe(200);
    expect(all.body.items.map((m: { meetingId: string }) => m.meetingId)).toEqual([WORCS, FEB, MAY]);
    expect((await get('/meetings?board=worcs-scb')).body.items.map((m: { meetingId: string }) => m.meetingId)).toEqual([
      WORCS,
    ]);
    const may = await get('/meetings?board=wseb&from=2022-05-01&to=2022-05-31');
    expect(may.body.items.map((m: { meetingId: string }) => m.meetingId)).toEqual([MAY]);
    const first = await get('/meetings?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await get(`/meetings?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ meetingId: MAY }], nextCursor: null });
  });

  it('shows one meeting whole: attendance with apologies, deputies and corrections, agenda, minutes and outcomes', async () => {
    const res = await get(`/meetings/${MAY}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      meetingId: MAY,
      boardId: 'wseb',
      scheduledFor: '2022-05-10T09:30:00.000Z',
      title: 'Executive Board',
      location: 'Microsoft Teams',
      closed: true,
      attendance: [
        { personId: 'jackie-channell', status: 'apologies' },
        { personId: 'jo-galloway', status: 'deputising', deputisingForPersonId: 'jackie-channell' },
        { personId: 'pete-hill', status: 'in-attendance', representingPartnerId: 'warwickshire-police' },
      ],
      attendanceCorrections: [
        {
          personId: 'pete-hill',
          entry: { status: 'in-attendance' },
          previous: { status: 'present' },
          reason: 'Attended as adviser',
          corrected: { occurredAt: '2022-05-17T18:00:00.000Z' },
        },
      ],
      agenda: [
        { itemNumber: 4, label: '4', title: 'Child Safeguarding Practice Review', presenterPersonId: 'pete-hill' },
      ],
      approvesMinutesOf: [{ meetingId: FEB, outcome: 'amended', amendments: ['Item 3: Pete Hill sent apologies'] }],
      decisions: [{ decisionId: 'd-cspr', itemNumber: 4, outcome: 'agreed', text: 'Sign off the review' }],
      actions: [{ actionId: 'a-publish', itemNumber: 4, text: 'Publish the review', dueDate: '2022-06-30' }],
    });
    expect(res.body).not.toHaveProperty('history');
    // The earlier meeting shows where its minutes were approved, and how.
    expect((await get(`/meetings/${FEB}`)).body.minutesApprovedAt).toEqual([
      expect.objectContaining({ meetingId: MAY, outcome: 'amended' }),
    ]);
  });

  it('gives its history in ledger order, naming where to verify each change', async () => {
    const res = await get(`/meetings/${MAY}/history`);
    expect(res.status).toBe(200);
    const types = res.body.entries.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'meeting-scheduled',
      'meeting-location-changed',
      'agenda-item-added',
      'attendance-recorded',
      'previous-minutes-approved',
      'decision-recorded',
      'action-raised',
      'attendance-corrected',
      'meeting-closed',
    ]);
    expect(res.body.entries[5]).toMatchObject({ streamId: 'decision-d-cspr', position: positions.decision });
  });

  it("carries the meeting stream's revision as its ETag (good as If-Match), and answers 304 while it is current", async () => {
    const read = async (etag?: string) =>
      t.app.inject({
        method: 'GET',
        url: `/meetings/${MAY}`,
        headers: { authorization: `Bearer ${await t.token()}`, ...(etag ? { 'if-none-match': etag } : {}) },
      });
    const first = await read();
    // Scheduled, moved, an agenda item, attendance, approving February's minutes, a correction, closed.
    expect(first.json()).toMatchObject({ revision: 6 });
    expect(first.headers.etag).toMatch(/^"6\.[0-9a-f]{16}"$/);
    const again = await read(String(first.headers.etag));
    expect([again.statusCode, again.body]).toEqual([304, '']);
  });

  it('answers 404 meeting-not-found for a meeting never scheduled, and 400 for a bad filter, writing nothing', async () => {
    const before = await eventCount(t);
    expectProblem(await get('/meetings/no-such-meeting'), 404, 'meeting-not-found');
    expectProblem(await get('/meetings/no-such-meeting/history'), 404, 'meeting-not-found');
    expect((await get('/meetings?from=yesterday')).status).toBe(400);
    expect((await get('/meetings?board=Not%20A%20Slug')).status).toBe(400);
    expect(await eventCount(t)).toBe(before);
  });
});

describe('GET /as-of/meetings: the meetings as the ledger held them then', () => {
  it('as known at the end of the meeting day: no correction yet, not closed', async () => {
    const res = await get(`/as-of/meetings/${MAY}?asOf=2022-05-10`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ closed: false, attendanceCorrections: [], asOf: { basis: 'recorded' } });
    expect(res.body.attendance).toContainEqual({
      personId: 'pete-hill',
      status: 'present',
      representingPartnerId: 'warwickshire-police',
    });
    const history = await get(`/as-of/meetings/${MAY}/history?asOf=${positions.minutes}`);
    expect(history.body.entries.at(-1)).toMatchObject({ type: 'previous-minutes-approved' });
    expect(history.body.asOf).toMatchObject({ basis: 'position', position: positions.minutes });
  });

  it('lists with the live filters, and a meeting not yet scheduled then is a 404', async () => {
    const res = await get('/as-of/meetings?asOf=2022-04-20&board=wseb');
    expect(res.body.items.map((m: { meetingId: string }) => m.meetingId)).toEqual([FEB, MAY]);
    expectProblem(await get(`/as-of/meetings/${WORCS}?asOf=2022-04-20`), 404, 'meeting-not-found');
    expect((await get('/as-of/meetings?asOf=soon')).status).toBe(400);
  });
});

describe('GET /meetings/stream', () => {
  it('resumes after a position with each meeting changed since, as "meeting" events', async () => {
    await t.app.listen(0, '127.0.0.1'); // inject cannot read a stream
    const res = await openStream(t.app, '/meetings/stream', await t.token(), {
      'last-event-id': String(positions.action),
    });
    expect(res.statusCode).toBe(200);
    const text = await readUntil(res, (s) => s.includes(`"meetingId":"${MAY}"`));
    res.destroy();
    const sent = messages(text).filter((m) => m.event === 'meeting');
    expect(sent).toHaveLength(1);
    expect({ id: sent[0].id, data: JSON.parse(sent[0].data!) as object }).toMatchObject({
      id: String(positions.closed),
      data: { meetingId: MAY, closed: true },
    });
  });
});

describe('POST /meetings/{meetingId}/cancel, as the meeting record shows it', () => {
  const reason = 'Not quorate: three partners sent apologies';

  it('shows the meeting cancelled with its reason, closed to decisions, and says so in its history', async () => {
    expectProblem(await send(t, `/meetings/${WORCS}/cancel`, { reason: '' }, { token: await t.token() }), 400);
    await on('2022-05-18', 'cancelled', `/meetings/${WORCS}/cancel`, { reason });
    const meeting = await get(`/meetings/${WORCS}`);
    expect(meeting.body).toMatchObject({ meetingId: WORCS, closed: true, cancelledBecause: reason });
    expect((await get(`/meetings/${WORCS}/history`)).body.entries.at(-1)).toMatchObject({
      type: 'meeting-cancelled',
      summary: `Cancelled: ${reason}`,
      position: positions.cancelled,
    });
    // The decisions context reads the meeting's `closed`: nothing is recorded at a cancelled meeting.
    const before = await eventCount(t);
    const decision = { decisionId: 'd-worcs', meetingId: WORCS, itemNumber: 1, outcome: 'agreed', text: 'x' };
    expectProblem(await send(t, '/decisions', decision, { token: await t.token() }), 409, 'meeting-closed');
    expect(await eventCount(t)).toBe(before);
  });
});

describe('several presenters and contributions, as the meeting record shows them', () => {
  const SEPT = 'wseb-2022-09-22';
  beforeAll(async () => {
    await on('2022-09-01', 'sept', '/meetings', {
      meetingId: SEPT,
      boardId: 'wseb',
      scheduledFor: '2022-09-22T09:30:00Z',
    });
    await on('2022-09-22', 'sept-item-3', `/meetings/${SEPT}/agenda-items`, {
      itemNumber: 3,
      title: 'Presentation: IRO Annual Report 2021-2022',
      presenterPersonIds: ['pete-hill', 'jo-galloway'],
    });
    // The single field clients sent before: one presenter, listed as such.
    await on('2022-09-22', 'sept-item-4', `/meetings/${SEPT}/agenda-items`, {
      itemNumber: 4,
      title: 'Escalation protocol',
      presenterPersonId: 'jo-galloway',
    });
    await on('2022-09-22', 'sept-attendance', `/meetings/${SEPT}/attendance`, {
      entries: [
        { personId: 'pete-hill', status: 'present' },
        { personId: 'jackie-channell', status: 'apologies' },
      ],
    });
    await on('2022-09-22', 'contribution-1', `/meetings/${SEPT}/contributions`, {
      itemNumber: 3,
      personId: 'jackie-channell',
      summary: 'Said the conference is fully booked',
      note: 'Attributed to "JC", who sent apologies; kept as written',
    });
    await on('2022-09-23', 'contribution-2', `/meetings/${SEPT}/contributions`, {
      itemNumber: 3,
      personId: 'pete-hill',
      summary: 'Asked for the police figures',
    });
  });

  it('shows each item with its presenters in order, and who said what with their attendance status then', async () => {
    const res = await get(`/meetings/${SEPT}`);
    expect(res.status).toBe(200);
    expect(res.body.agenda).toEqual([
      expect.objectContaining({ itemNumber: 3, presenterPersonIds: ['pete-hill', 'jo-galloway'] }),
      expect.objectContaining({ itemNumber: 4, presenterPersonIds: ['jo-galloway'], presenterPersonId: 'jo-galloway' }),
    ]);
    expect(res.body.contributions).toEqual([
      {
        contributionNumber: 1,
        itemNumber: 3,
        personId: 'jackie-channell',
        summary: 'Said the conference is fully booked',
        note: 'Attributed to "JC", who sent apologies; kept as written',
        attendanceStatus: 'apologies',
        recorded: expect.objectContaining({ occurredAt: '2022-09-22T11:00:00.000Z' }),
      },
      expect.objectContaining({ contributionNumber: 2, personId: 'pete-hill', attendanceStatus: 'present' }),
    ]);
    const history = (await get(`/meetings/${SEPT}/history`)).body.entries as { type: string; summary: string }[];
    expect(history.find((e) => e.type === 'agenda-item-added')?.summary).toBe(
      'Agenda item 3: Presentation: IRO Annual Report 2021-2022 (presented by pete-hill and jo-galloway)',
    );
  });

  it('as of the day of the meeting: the first contribution only', async () => {
    const res = await get(`/as-of/meetings/${SEPT}?knownAt=2022-09-22`);
    expect(res.status).toBe(200);
    expect(res.body.contributions.map((c: { personId: string }) => c.personId)).toEqual(['jackie-channell']);
  });

  it('refuses a contribution before the meeting is held, and bad fields, writing nothing', async () => {
    await on('2022-09-23', 'nov', '/meetings', {
      meetingId: 'wseb-2022-11-08',
      boardId: 'wseb',
      scheduledFor: '2022-11-08T09:30:00Z',
    });
    await on('2022-09-23', 'nov-item', '/meetings/wseb-2022-11-08/agenda-items', { itemNumber: 1, title: 'Minutes' });
    const before = await eventCount(t);
    const token = await t.token();
    const body = { itemNumber: 1, personId: 'pete-hill', summary: 'Too early' };
    expectProblem(await send(t, '/meetings/wseb-2022-11-08/contributions', body, { token }), 409, 'meeting-not-held');
    const bad = { itemNumber: 0, personId: 'PH', summary: '', note: 5 };
    expectProblem(await send(t, `/meetings/${SEPT}/contributions`, bad, { token }), 400, 'validation-failed');
    expect(await eventCount(t)).toBe(before);
  });
});
