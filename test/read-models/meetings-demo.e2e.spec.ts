import { demoData } from '../../demo/data';
import { demoReadSuite } from './support/projections-app';

type Line = { personId: string; status: string; deputisingForPersonId?: string };

/**
 * The demo data (paraphrased public minutes of three boards) loaded through the API, then read back
 * from GET /meetings as a front end would: every recorded meeting with its attendance, apologies and
 * deputies, agenda, minutes approved, decisions and actions, as the minutes have them.
 */
describe('meetings read model with the demo data', () => {
  const { get } = demoReadSuite();

  it.each(demoData.meetings.map((m) => [m.id, m] as const))(
    '%s: attendance, agenda, minutes, decisions and actions as the minutes record them',
    async (id, m) => {
      const meeting = await get(`/meetings/${id}`);
      expect(meeting).toMatchObject({ meetingId: id, boardId: m.boardId, scheduledFor: expect.stringMatching(m.date) });
      const byPerson = (a: Line, b: Line) => a.personId.localeCompare(b.personId);
      const lines = (ls: Line[]) =>
        ls.map(({ personId, status, deputisingForPersonId }) => ({ personId, status, deputisingForPersonId }));
      expect(lines(meeting.attendance as Line[]).sort(byPerson)).toEqual(lines(m.attendance).sort(byPerson));
      expect(meeting.agenda).toHaveLength(m.items.length);
      expect(meeting.decisions.map((d: { decisionId: string }) => d.decisionId).sort()).toEqual(
        m.items.flatMap((i) => i.decisions.map((d) => d.id)).sort(),
      );
      expect(meeting.actions.map((a: { actionId: string }) => a.actionId).sort()).toEqual(
        m.items.flatMap((i) => i.actions.map((a) => a.id)).sort(),
      );
      if (m.previousMinutes)
        expect(meeting.approvesMinutesOf).toEqual([
          expect.objectContaining({
            meetingId: m.previousMinutes.previousMeetingId,
            outcome: m.previousMinutes.outcome,
          }),
        ]);
    },
  );

  it('lists each board its own meetings, and a date range only the meetings in it', async () => {
    const ids = async (q: string) => (await get(`/meetings?${q}`)).items.map((m: { meetingId: string }) => m.meetingId);
    expect(await ids('board=worcs-scb&from=2019-03-13&to=2019-03-13')).toEqual(['worcs-scb-2019-03-13']);
    // Meetings the minutes only mention (planned ones that actions target) are scheduled too, with nothing recorded yet.
    expect(await ids('board=wseb&from=2022-05-01&to=2022-06-30')).toEqual(['wseb-2022-05-10', 'wseb-2022-06-07']);
    expect(await get('/meetings/wseb-2022-06-07')).toMatchObject({ attendance: [], agenda: [], closed: false });
  });

  it('shows every presenter the minutes name: two on WSEB 22 Sept 2022 item 3, and on Worcestershire Part 1', async () => {
    const sept = await get('/meetings/wseb-2022-09-22');
    expect(sept.agenda.find((i: { itemNumber: number }) => i.itemNumber === 3)).toMatchObject({
      presenterPersonIds: ['julie-smith', 'jo-davies'],
    });
    const worcs = await get('/meetings/worcs-scb-2019-03-13');
    expect(worcs.agenda.map((i: { presenterPersonIds?: string[] }) => i.presenterPersonIds)).toContainEqual([
      'nicki-pettitt',
      'ellen-footman',
    ]);
  });

  it('shows the member on apologies quoted in the Worcestershire minutes, as on apologies', async () => {
    const worcs = await get('/meetings/worcs-scb-2019-03-13');
    expect(worcs.contributions).toEqual([
      expect.objectContaining({
        personId: 'sarah-wilkins',
        attendanceStatus: 'apologies',
        summary: expect.stringContaining('Parental Conflict'),
        note: expect.stringContaining('sent apologies'),
      }),
    ]);
  });
});
