import { attendanceRegister, financialYearOf } from './attendance-register';
import { newMeeting } from './meetings.projection';
import type { MeetingDoc } from './meeting-doc';
import type { BoardQuorumFacts } from './quorum';

const facts: BoardQuorumFacts = {
  memberships: [
    { seat: 'local-authority', partnerId: 'wcc', personId: 'nigel-minns', statutory: true, from: '2022-01-01' },
    { seat: 'health', partnerId: 'cw-icb', personId: 'jackie-channell', statutory: true, from: '2022-01-01' },
  ],
  deputies: [{ seat: 'health', deputyPersonId: 'jo-galloway', from: '2022-01-01' }],
  quorumRules: [],
};
const held = (meetingId: string, scheduledFor: string, attendance: MeetingDoc['attendance']): MeetingDoc => ({
  ...newMeeting(meetingId),
  scheduled: true,
  boardId: 'wseb',
  scheduledFor,
  attendance,
});

describe('attendance register', () => {
  it('counts financial years from 1 April', () => {
    expect(financialYearOf('2022-03-31')).toBe('2021-22');
    expect(financialYearOf('2022-04-01')).toBe('2022-23');
    expect(financialYearOf('2099-12-01')).toBe('2099-00');
  });

  it('given meetings in a year, then each member has attended, apologies and deputised counts and rates', () => {
    const rows = attendanceRegister(
      [
        held('may', '2022-05-10T09:30:00.000Z', [
          { personId: 'nigel-minns', status: 'present' },
          { personId: 'jackie-channell', status: 'apologies' },
          { personId: 'jo-galloway', status: 'present' },
        ]),
        held('sep', '2022-09-22T09:30:00.000Z', [
          { personId: 'nigel-minns', status: 'apologies' },
          { personId: 'jackie-channell', status: 'apologies' },
        ]),
        { ...held('dec', '2022-12-01T09:30:00.000Z', []), cancelledBecause: 'No business' },
      ],
      () => facts,
    );
    expect(rows.map((r) => [r.personId, r.financialYear, r.meetings, r.attended, r.apologies, r.deputised])).toEqual([
      ['jackie-channell', '2022-23', 2, 0, 2, 1],
      ['nigel-minns', '2022-23', 2, 1, 1, 0],
    ]);
    expect(rows[0]).toMatchObject({ attendanceRate: 0, coveredRate: 50, deputisedBy: ['jo-galloway'] });
    expect(rows[1]).toMatchObject({ attendanceRate: 50, coveredRate: 50, deputisedBy: [] });
  });

  it('given a meeting with no attendance recorded (still to come, or not minuted), then it is not counted as held', () => {
    const rows = attendanceRegister(
      [
        held('may', '2022-05-10T09:30:00.000Z', [{ personId: 'nigel-minns', status: 'present' }]),
        held('jan', '2023-01-19T09:30:00.000Z', []),
      ],
      () => facts,
    );
    expect(rows.map((r) => [r.personId, r.meetings, r.attended, r.attendanceRate])).toEqual([
      ['jackie-channell', 1, 0, 0],
      ['nigel-minns', 1, 1, 100],
    ]);
  });

  it('given a named deputy and the standing deputy at different meetings, then both are named once, in id order', () => {
    const rows = attendanceRegister(
      [
        held('may', '2022-05-10T09:30:00.000Z', [
          { personId: 'jackie-channell', status: 'apologies' },
          { personId: 'zoe-ward', status: 'deputising', deputisingForPersonId: 'jackie-channell' },
        ]),
        held('jul', '2022-07-12T09:30:00.000Z', [
          { personId: 'jackie-channell', status: 'apologies' },
          { personId: 'jo-galloway', status: 'present' },
        ]),
        held('sep', '2022-09-22T09:30:00.000Z', [
          { personId: 'jackie-channell', status: 'apologies' },
          { personId: 'jo-galloway', status: 'present' },
        ]),
      ],
      () => facts,
    );
    expect(rows.find((r) => r.personId === 'jackie-channell')).toMatchObject({
      meetings: 3,
      deputised: 3,
      deputisedBy: ['jo-galloway', 'zoe-ward'],
    });
  });
});
