import type { MeetingDoc } from '../../../../projections/meetings/meeting-doc';
import { meetingSummaries } from './meetings-summary';

const stamp = {
  occurredAt: '2022-09-22T09:00:00Z',
  recordedAt: '2022-09-23T09:00:00Z',
  actor: { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' },
};
const meeting = (over: Partial<MeetingDoc>): MeetingDoc => ({
  revision: 0,
  meetingId: 'wseb-2022-09-22',
  scheduled: true,
  boardId: 'wseb',
  scheduledFor: '2022-09-22T23:30:00Z',
  title: 'Executive Board',
  closed: true,
  attendance: [],
  attendanceCorrections: [],
  agenda: [],
  approvesMinutesOf: [],
  minutesApprovedAt: [],
  decisions: [],
  actions: [],
  contributions: [],
  history: [],
  ...over,
});

describe('summary.pdf meetings, from the meetings documents', () => {
  it('given attendance as corrected, then apologies and deputies are named and everyone else counts as attending', () => {
    const [m] = meetingSummaries([
      meeting({
        attendance: [
          { personId: 'chair', status: 'present' },
          { personId: 'police-lead', status: 'apologies' },
          { personId: 'inspector', status: 'deputising', deputisingForPersonId: 'police-lead' },
          { personId: 'icb-lead', status: 'also-representing', deputisingForPersonId: 'ccg-lead' },
          { personId: 'ccg-lead', status: 'apologies' },
        ],
      }),
    ]);
    expect(m).toMatchObject({
      attending: 3,
      apologies: ['police-lead', 'ccg-lead'],
      deputies: ['inspector for police-lead', 'icb-lead for ccg-lead'],
    });
  });

  it('given an instant late in the evening in summer, then the date is the London business date', () => {
    expect(meetingSummaries([meeting({})])[0].date).toBe('2022-09-23');
  });

  it('given decisions and actions at labelled agenda items, then each carries the label the minutes use', () => {
    const [m] = meetingSummaries([
      meeting({
        agenda: [{ itemNumber: 4, label: '2.1', title: 'Escalation' }],
        decisions: [{ decisionId: 'd1', itemNumber: 4, outcome: 'agreed', text: 'Adopt it', recorded: stamp }],
        actions: [
          {
            actionId: 'a1',
            itemNumber: 5,
            text: 'Report back',
            owners: [{ kind: 'team', name: 'WS Business Team' }],
            raised: stamp,
          },
        ],
      }),
    ]);
    expect(m.decisions).toEqual([{ item: '2.1', decisionId: 'd1', outcome: 'agreed', text: 'Adopt it' }]);
    expect(m.actions).toEqual([
      { item: '5', actionId: 'a1', owners: 'team:WS Business Team', due: '', text: 'Report back' },
    ]);
  });

  it('given meetings out of order, then they are listed by date, then id', () => {
    const list = meetingSummaries([
      meeting({ meetingId: 'b', scheduledFor: '2022-05-10T10:00:00Z' }),
      meeting({ meetingId: 'c', scheduledFor: '2022-01-10T10:00:00Z' }),
      meeting({ meetingId: 'a', scheduledFor: '2022-05-10T10:00:00Z' }),
    ]);
    expect(list.map((m) => m.meetingId)).toEqual(['c', 'a', 'b']);
  });
});
