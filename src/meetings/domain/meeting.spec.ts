import type { CommandMeta } from '../../ledger/aggregate';
import { fold } from '../../shared/decider';
import {
  Meeting,
  attendanceOf,
  hasAgendaItem,
  isOpen,
  wasAttending,
  type AttendanceEntry,
  type MeetingCommand,
  type MeetingEvent,
} from './meeting';

const meta: CommandMeta = {
  actor: { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' },
  occurredAt: '2022-05-10T12:00:00.000Z',
};
type Cmd = Omit<MeetingCommand, 'meta'>;
const given = (...events: MeetingEvent[]) => fold(Meeting.decider, events);
const when = (state: ReturnType<typeof given>, c: Cmd) =>
  Meeting.decider.decide({ ...c, meta } as MeetingCommand, state);
const refused = (state: ReturnType<typeof given>, c: Cmd, code: string) =>
  expect(() => when(state, c)).toThrow(expect.objectContaining({ code }));

const meetingId = 'wseb-2022-05-10';
const scheduled: MeetingEvent = {
  type: 'meeting-scheduled',
  data: { meetingId, boardId: 'wseb', scheduledFor: '2022-05-10T09:30:00.000Z' },
};
const closed: MeetingEvent = { type: 'meeting-closed', data: { meetingId } };
const people = ['pete-hill', 'jackie-channell', 'jo-galloway', 'nigel-minns', 'ellen-footman'];
const facts = { knownPersonIds: people, knownPartnerIds: ['warwickshire-police', 'cw-ccg'] };
const record = (...entries: AttendanceEntry[]): Cmd => ({
  type: 'record-attendance',
  data: { meetingId, entries, ...facts },
});
const recorded = (...entries: AttendanceEntry[]): MeetingEvent => ({
  type: 'attendance-recorded',
  data: { meetingId, entries },
});
const correct = (entry: AttendanceEntry, reason?: string): Cmd => ({
  type: 'correct-attendance',
  data: { meetingId, entry, reason, ...facts },
});
const present = (personId: string): AttendanceEntry => ({ personId, status: 'present' });
const apologies = (personId: string): AttendanceEntry => ({ personId, status: 'apologies' });
const deputising = (personId: string, forId: string): AttendanceEntry => ({
  personId,
  status: 'deputising',
  deputisingForPersonId: forId,
});

describe('Meeting decider: scheduling', () => {
  const schedule = (boardExists: boolean, scheduledFor = '2022-05-10T10:30:00+01:00'): Cmd => ({
    type: 'schedule-meeting',
    data: { meetingId, boardId: 'wseb', scheduledFor, title: 'Executive Board', boardExists },
  });

  it('schedules a meeting of a registered board, normalising the time to UTC', () => {
    expect(when(given(), schedule(true))).toEqual([
      {
        type: 'meeting-scheduled',
        data: { meetingId, boardId: 'wseb', scheduledFor: '2022-05-10T09:30:00.000Z', title: 'Executive Board' },
      },
    ]);
  });

  it('refuses an unregistered board, a second scheduling and a time that is not a date', () => {
    refused(given(), schedule(false), 'board-not-registered');
    refused(given(scheduled), schedule(true), 'meeting-exists');
    refused(given(), schedule(true, 'soon'), 'invalid-scheduled-for');
  });

  it('refuses anything but scheduling for a meeting that does not exist (404)', () => {
    expect(() => when(given(), record(present('pete-hill')))).toThrow(
      expect.objectContaining({ code: 'meeting-not-found', status: 404 }),
    );
  });

  it('exposes open/closed through the exported helpers', () => {
    expect(isOpen(given())).toBe(false);
    expect(isOpen(given(scheduled))).toBe(true);
    expect(isOpen(given(scheduled, closed))).toBe(false);
  });
});

describe('Meeting decider: attendance', () => {
  it('records a list of entries and exposes who attended', () => {
    const events = when(
      given(scheduled),
      record(present('pete-hill'), apologies('jo-galloway'), {
        personId: 'nigel-minns',
        status: 'present',
        representingPartnerId: 'warwickshire-police',
      }),
    );
    expect(events).toEqual([
      recorded(present('pete-hill'), apologies('jo-galloway'), {
        personId: 'nigel-minns',
        status: 'present',
        representingPartnerId: 'warwickshire-police',
      }),
    ]);
    const state = given(scheduled, ...events);
    expect(wasAttending(state, 'pete-hill')).toBe(true);
    expect(wasAttending(state, 'jo-galloway')).toBe(false);
    expect(attendanceOf(state, 'jo-galloway')).toEqual(apologies('jo-galloway'));
  });

  it('refuses a person recorded twice with conflicting statuses, in one list or against an earlier one', () => {
    refused(given(scheduled), record(present('pete-hill'), apologies('pete-hill')), 'conflicting-attendance');
    refused(given(scheduled, recorded(present('pete-hill'))), record(apologies('pete-hill')), 'conflicting-attendance');
  });

  it('ignores an identical entry recorded again, writing nothing when nothing is new', () => {
    expect(when(given(scheduled), record(present('pete-hill'), present('pete-hill')))).toEqual([
      recorded(present('pete-hill')),
    ]);
    expect(when(given(scheduled, recorded(present('pete-hill'))), record(present('pete-hill')))).toEqual([]);
  });

  it('accepts a deputy for an absent member, whichever order the list gives them', () => {
    expect(
      when(given(scheduled), record(deputising('pete-hill', 'jo-galloway'), apologies('jo-galloway'))),
    ).toHaveLength(1);
    expect(
      when(given(scheduled), record(apologies('jo-galloway'), deputising('pete-hill', 'jo-galloway'))),
    ).toHaveLength(1);
  });

  it('refuses a deputy for someone who is themselves present, whichever order the list gives them', () => {
    refused(
      given(scheduled),
      record(present('jo-galloway'), deputising('pete-hill', 'jo-galloway')),
      'deputy-for-attendee',
    );
    refused(
      given(scheduled),
      record(deputising('pete-hill', 'jo-galloway'), present('jo-galloway')),
      'deputy-for-attendee',
    );
    refused(
      given(scheduled, recorded(present('jo-galloway'))),
      record(deputising('pete-hill', 'jo-galloway')),
      'deputy-for-attendee',
    );
  });

  it('requires whom a deputy stands in for, refuses deputising for oneself, and refuses seat cover on a plain status', () => {
    refused(given(scheduled), record({ personId: 'pete-hill', status: 'deputising' }), 'deputised-person-required');
    refused(given(scheduled), record(deputising('pete-hill', 'pete-hill')), 'deputising-for-self');
    refused(
      given(scheduled),
      record({ personId: 'pete-hill', status: 'present', deputisingForPersonId: 'jo-galloway' }),
      'attendance-detail-mismatch',
    );
  });

  it("never names a detail after a reserved problem field, so the HTTP status stays the rule's", () => {
    const refusals = [record({ personId: 'jo-galloway', status: 'deputising' }), record(present('pete-hill'))].map(
      (c) => {
        try {
          when(given(scheduled, recorded(apologies('pete-hill'))), c);
        } catch (err) {
          return err as { code: string; details: object };
        }
      },
    );
    expect(refusals.map((e) => e?.code)).toEqual(['deputised-person-required', 'conflicting-attendance']);
    for (const e of refusals) expect(Object.keys(e!.details)).not.toContain('status');
  });

  it("requires the partner for also-representing, and lets it cover an absent member's seat", () => {
    refused(
      given(scheduled),
      record({ personId: 'ellen-footman', status: 'also-representing' }),
      'represented-partner-required',
    );
    const entry: AttendanceEntry = {
      personId: 'ellen-footman',
      status: 'also-representing',
      representingPartnerId: 'cw-ccg',
      deputisingForPersonId: 'jo-galloway',
    };
    expect(when(given(scheduled, recorded(apologies('jo-galloway'))), record(entry))).toEqual([recorded(entry)]);
  });

  it('refuses people and partners that are not registered', () => {
    refused(given(scheduled), record(present('np')), 'person-not-registered');
    refused(given(scheduled), record(deputising('pete-hill', 'nobody')), 'person-not-registered');
    refused(
      given(scheduled),
      record({ personId: 'pete-hill', status: 'present', representingPartnerId: 'nowhere' }),
      'partner-not-registered',
    );
  });

  it("corrects one person's entry, keeping the previous entry and the reason in the event", () => {
    const state = given(scheduled, recorded(present('pete-hill')));
    expect(when(state, correct(apologies('pete-hill'), 'Sent apologies before the meeting'))).toEqual([
      {
        type: 'attendance-corrected',
        data: {
          meetingId,
          personId: 'pete-hill',
          entry: apologies('pete-hill'),
          previous: present('pete-hill'),
          reason: 'Sent apologies before the meeting',
        },
      },
    ]);
    expect(
      attendanceOf(
        given(scheduled, recorded(present('pete-hill')), ...when(state, correct(apologies('pete-hill')))),
        'pete-hill',
      ),
    ).toEqual(apologies('pete-hill'));
  });

  it('refuses a correction for someone not recorded, one that changes nothing, and one that breaks the deputy rule', () => {
    refused(given(scheduled), correct(present('pete-hill')), 'attendance-not-recorded');
    refused(given(scheduled, recorded(present('pete-hill'))), correct(present('pete-hill')), 'attendance-unchanged');
    refused(
      given(scheduled, recorded(apologies('jo-galloway'), deputising('pete-hill', 'jo-galloway'))),
      correct(present('jo-galloway')),
      'deputy-for-attendee',
    );
    refused(
      given(scheduled, recorded(present('pete-hill'))),
      correct(deputising('pete-hill', 'pete-hill')),
      'deputising-for-self',
    );
  });
});

describe('Meeting decider: agenda', () => {
  const add = (itemNumber: number, presenterPersonId?: string, presenterRegistered?: boolean): Cmd => ({
    type: 'add-agenda-item',
    data: { meetingId, itemNumber, title: 'Covid-19 updates', presenterPersonId, presenterRegistered },
  });

  it('adds an item with its presenter and exposes that the number exists', () => {
    const events = when(given(scheduled), add(3, 'pete-hill', true));
    expect(events).toEqual([
      {
        type: 'agenda-item-added',
        data: { meetingId, itemNumber: 3, title: 'Covid-19 updates', presenterPersonId: 'pete-hill' },
      },
    ]);
    const state = given(scheduled, ...events);
    expect(hasAgendaItem(state, 3)).toBe(true);
    expect(hasAgendaItem(state, 4)).toBe(false);
    expect(state.items[3]).toEqual({ title: 'Covid-19 updates', presenterPersonId: 'pete-hill' });
  });

  it('refuses a number already used, a number that is not a positive whole number, and an unregistered presenter', () => {
    refused(given(scheduled, ...when(given(scheduled), add(3))), add(3), 'agenda-item-exists');
    refused(given(scheduled), add(0), 'invalid-item-number');
    refused(given(scheduled), add(1.5), 'invalid-item-number');
    refused(given(scheduled), add(4, 'jc', false), 'person-not-registered');
  });

  it('keeps the label the minutes use for a sub-item, and refuses the same label twice', () => {
    const labelled = (itemNumber: number, label: string): Cmd => ({
      type: 'add-agenda-item',
      data: { meetingId, itemNumber, label, title: 'Action log' },
    });
    const events = when(given(scheduled), labelled(3, '2.1'));
    const state = given(scheduled, ...events);
    expect(state.items[3]).toEqual({ title: 'Action log', label: '2.1' });
    refused(state, labelled(4, '2.1'), 'agenda-item-label-exists');
    expect(when(state, labelled(4, '2.2'))).toHaveLength(1);
  });
});

describe('Meeting decider: previous minutes', () => {
  const approve = (
    previous: { exists: boolean; boardId?: string; scheduledFor?: string },
    outcome: 'accurate' | 'amended' = 'accurate',
    amendments?: string[],
    previousMeetingId = 'wseb-2022-02-01',
  ): Cmd => ({
    type: 'approve-previous-minutes',
    data: { meetingId, previousMeetingId, outcome, amendments, previous },
  });
  const earlier = { exists: true, boardId: 'wseb', scheduledFor: '2022-02-01T09:30:00.000Z' };

  it('approves an earlier meeting of the same board as accurate, or as amended with the amendments', () => {
    expect(when(given(scheduled), approve(earlier))).toEqual([
      {
        type: 'previous-minutes-approved',
        data: { meetingId, previousMeetingId: 'wseb-2022-02-01', outcome: 'accurate' },
      },
    ]);
    expect(when(given(scheduled), approve(earlier, 'amended', ['Six districts, not two']))[0].data).toMatchObject({
      outcome: 'amended',
      amendments: ['Six districts, not two'],
    });
  });

  it('refuses a missing, other-board, later or same meeting', () => {
    refused(given(scheduled), approve({ exists: false }), 'previous-meeting-not-found');
    refused(given(scheduled), approve({ ...earlier, boardId: 'worcs-scb' }), 'previous-meeting-other-board');
    refused(
      given(scheduled),
      approve({ ...earlier, scheduledFor: '2022-09-22T09:30:00.000Z' }),
      'previous-meeting-not-earlier',
    );
    refused(
      given(scheduled),
      approve({ ...earlier, scheduledFor: scheduled.data.scheduledFor }, 'accurate', undefined, meetingId),
      'previous-meeting-is-self',
    );
  });

  it('requires amendments when amended, refuses them when accurate, and refuses approving the same minutes twice', () => {
    refused(given(scheduled), approve(earlier, 'amended', []), 'amendments-required');
    refused(given(scheduled), approve(earlier, 'accurate', ['x']), 'amendments-not-allowed');
    refused(
      given(scheduled, ...when(given(scheduled), approve(earlier))),
      approve(earlier),
      'minutes-already-approved',
    );
  });
});

describe('Meeting decider: location', () => {
  const move = (location: string, reason?: string): Cmd => ({
    type: 'change-meeting-location',
    data: { meetingId, location, reason },
  });
  const atShireHall: MeetingEvent = {
    type: 'meeting-scheduled',
    data: { meetingId, boardId: 'wseb', scheduledFor: '2022-05-10T09:30:00.000Z', location: 'Shire Hall, Warwick' },
  };

  it('moves a meeting not yet held, keeping the previous location and the reason in the event', () => {
    expect(when(given(atShireHall), move('Microsoft Teams', 'Rail strike'))).toEqual([
      {
        type: 'meeting-location-changed',
        data: {
          meetingId,
          location: 'Microsoft Teams',
          previousLocation: 'Shire Hall, Warwick',
          reason: 'Rail strike',
        },
      },
    ]);
    expect(when(given(scheduled), move('Microsoft Teams'))).toEqual([
      { type: 'meeting-location-changed', data: { meetingId, location: 'Microsoft Teams' } },
    ]);
  });

  it('refuses the location the meeting is already at, after a move as after scheduling', () => {
    refused(given(atShireHall), move('Shire Hall, Warwick'), 'same-location');
    const moved = given(atShireHall, ...when(given(atShireHall), move('Microsoft Teams')));
    refused(moved, move('Microsoft Teams'), 'same-location');
    expect(when(moved, move('Shire Hall, Warwick'))[0].data).toMatchObject({ previousLocation: 'Microsoft Teams' });
  });

  it('refuses a move once attendance is recorded (409), and for a meeting never scheduled (404)', () => {
    expect(() => when(given(scheduled, recorded(present('pete-hill'))), move('Microsoft Teams'))).toThrow(
      expect.objectContaining({ code: 'meeting-already-held', status: 409 }),
    );
    expect(() => when(given(), move('Microsoft Teams'))).toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe('Meeting decider: closing', () => {
  it('closes an open meeting', () => {
    expect(when(given(scheduled), { type: 'close-meeting', data: { meetingId } })).toEqual([closed]);
  });

  it('refuses anything after close, including closing again and corrections (409)', () => {
    const state = given(scheduled, recorded(present('pete-hill')), closed);
    for (const c of [
      record(present('jo-galloway')),
      correct(apologies('pete-hill')),
      { type: 'close-meeting', data: { meetingId } } as Cmd,
      { type: 'add-agenda-item', data: { meetingId, itemNumber: 1, title: 'x' } } as Cmd,
      { type: 'change-meeting-location', data: { meetingId, location: 'Microsoft Teams' } } as Cmd,
    ]) {
      expect(() => when(state, c)).toThrow(expect.objectContaining({ code: 'meeting-closed', status: 409 }));
    }
  });
});
