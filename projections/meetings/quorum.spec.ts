import type { AttendanceLine } from './meeting-doc';
import { quorumOf, type BoardQuorumFacts } from './quorum';

// WSEB's statutory partners: council, police, ICB; one non-statutory seat (education).
const seat = (seatId: string, partnerId: string, personId: string, statutory = true) => ({
  seat: seatId,
  partnerId,
  personId,
  statutory,
  from: '2022-01-01',
});
const facts = (over: Partial<BoardQuorumFacts> = {}): BoardQuorumFacts => ({
  memberships: [
    seat('local-authority', 'warwickshire-county-council', 'nigel-minns'),
    seat('police', 'warwickshire-police', 'ben-smith'),
    seat('health', 'cw-icb', 'julie-grant'),
    seat('education', 'schools', 'head-rep', false),
  ],
  deputies: [],
  quorumRules: [{ rule: 'each-statutory-partner', from: '2022-01-01' }],
  ...over,
});
const SEPT = '2022-09-22T09:30:00.000Z';
const line = (personId: string, status: AttendanceLine['status'], deputisingForPersonId?: string): AttendanceLine =>
  deputisingForPersonId ? { personId, status, deputisingForPersonId } : { personId, status };

describe('quorumOf', () => {
  it('given the council and ICB leads on apologies with no deputies, then inquorate under each-statutory-partner', () => {
    const attendance = [
      line('nigel-minns', 'apologies'),
      line('julie-grant', 'apologies'),
      line('ben-smith', 'present'),
      line('head-rep', 'present'),
    ];
    expect(quorumOf(SEPT, attendance, facts())).toEqual({
      rule: 'each-statutory-partner',
      quorate: false,
      missingStatutoryPartners: ['cw-icb', 'warwickshire-county-council'],
      seatsCovered: 2,
      seatsHeld: 4,
    });
  });

  it('given a deputy named in the minutes or a standing deputy attending, then the seat counts', () => {
    const attendance = [
      line('nigel-minns', 'apologies'),
      line('john-coleman', 'deputising', 'nigel-minns'),
      line('julie-grant', 'apologies'),
      line('icb-deputy', 'present'),
      line('ben-smith', 'present'),
    ];
    const standing = facts({ deputies: [{ seat: 'health', deputyPersonId: 'icb-deputy', from: '2022-01-01' }] });
    expect(quorumOf(SEPT, attendance, standing)).toMatchObject({ quorate: true, missingStatutoryPartners: [] });
  });

  it('when judged, then by the rule and the members in force on the meeting date', () => {
    const attendance = [line('ben-smith', 'present'), line('head-rep', 'present')];
    const later = facts({
      quorumRules: [
        { rule: 'each-statutory-partner', from: '2022-01-01' },
        { rule: 'minimum-count', minimum: 2, from: '2022-09-01' },
      ],
    });
    expect(quorumOf(SEPT, attendance, later)).toMatchObject({ rule: 'minimum-count', minimum: 2, quorate: true });
    expect(quorumOf('2022-05-10T09:30:00.000Z', attendance, later)).toMatchObject({ quorate: false });
    const left = facts({ memberships: [{ ...seat('health', 'cw-icb', 'julie-grant'), to: '2022-06-30' }] });
    expect(quorumOf(SEPT, [], left)).toMatchObject({ quorate: true, seatsHeld: 0 });
    expect(quorumOf('2021-12-31T09:30:00.000Z', [], facts())).toBeUndefined();
    expect(quorumOf(SEPT, [], undefined)).toBeUndefined();
  });
});
