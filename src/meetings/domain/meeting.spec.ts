import { deciderSpec, type TestCommand } from '../../shared/testing/decider-spec';
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

const spec = deciderSpec(Meeting);
type Cmd = TestCommand<MeetingCommand>;

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
    spec
      .given()
      .when(schedule(true))
      .then([
        {
          type: 'meeting-scheduled',
          data: { meetingId, boardId: 'wseb', scheduledFor: '2022-05-10T09:30:00.000Z', title: 'Executive Board' },
        },
      ]);
  });

  it('refuses an unregistered board, a second scheduling and a time that is not a date', () => {
    spec.given().when(schedule(false)).thenRefuses('board-not-registered');
    spec.given([scheduled]).when(schedule(true)).thenRefuses('meeting-exists');
    spec.given().when(schedule(true, 'soon')).thenRefuses('invalid-scheduled-for');
  });

  it('refuses anything but scheduling for a meeting that does not exist (404)', () => {
    spec
      .given()
      .when(record(present('pete-hill')))
      .thenRefuses('meeting-not-found', 404);
    spec.given().when({ type: 'close-meeting', data: { meetingId } }).thenRefuses('meeting-not-found', 404);
  });

  it('exposes open/closed through the exported helpers', () => {
    expect(isOpen(spec.given().state())).toBe(false);
    expect(isOpen(spec.given([scheduled]).state())).toBe(true);
    expect(isOpen(spec.given([scheduled, closed]).state())).toBe(false);
  });
});

describe('Meeting decider: attendance', () => {
  it('records a list of entries and exposes who attended', () => {
    const events = spec
      .given([scheduled])
      .when(
        record(present('pete-hill'), apologies('jo-galloway'), {
          personId: 'nigel-minns',
          status: 'present',
          representingPartnerId: 'warwickshire-police',
        }),
      )
      .decided();
    expect(events).toEqual([
      recorded(present('pete-hill'), apologies('jo-galloway'), {
        personId: 'nigel-minns',
        status: 'present',
        representingPartnerId: 'warwickshire-police',
      }),
    ]);
    const state = spec.given([scheduled, ...events]).state();
    expect(wasAttending(state, 'pete-hill')).toBe(true);
    expect(wasAttending(state, 'jo-galloway')).toBe(false);
    expect(attendanceOf(state, 'jo-galloway')).toEqual(apologies('jo-galloway'));
  });

  it('refuses a person recorded twice with conflicting statuses, in one list or against an earlier one', () => {
    spec
      .given([scheduled])
      .when(record(present('pete-hill'), apologies('pete-hill')))
      .thenRefuses('conflicting-attendance');
    spec
      .given([scheduled, recorded(present('pete-hill'))])
      .when(record(apologies('pete-hill')))
      .thenRefuses('conflicting-attendance');
  });

  it('ignores an identical entry recorded again, writing nothing when nothing is new', () => {
    spec
      .given([scheduled])
      .when(record(present('pete-hill'), present('pete-hill')))
      .then([recorded(present('pete-hill'))]);
    spec
      .given([scheduled, recorded(present('pete-hill'))])
      .when(record(present('pete-hill')))
      .then([]);
  });

  it('accepts a deputy for an absent member, whichever order the list gives them', () => {
    expect(
      spec
        .given([scheduled])
        .when(record(deputising('pete-hill', 'jo-galloway'), apologies('jo-galloway')))
        .decided(),
    ).toHaveLength(1);
    expect(
      spec
        .given([scheduled])
        .when(record(apologies('jo-galloway'), deputising('pete-hill', 'jo-galloway')))
        .decided(),
    ).toHaveLength(1);
  });

  it('refuses a deputy for someone who is themselves present, whichever order the list gives them', () => {
    spec
      .given([scheduled])
      .when(record(present('jo-galloway'), deputising('pete-hill', 'jo-galloway')))
      .thenRefuses('deputy-for-attendee');
    spec
      .given([scheduled])
      .when(record(deputising('pete-hill', 'jo-galloway'), present('jo-galloway')))
      .thenRefuses('deputy-for-attendee');
    spec
      .given([scheduled, recorded(present('jo-galloway'))])
      .when(record(deputising('pete-hill', 'jo-galloway')))
      .thenRefuses('deputy-for-attendee');
  });

  it('requires whom a deputy stands in for, refuses deputising for oneself, and refuses seat cover on a plain status', () => {
    spec
      .given([scheduled])
      .when(record({ personId: 'pete-hill', status: 'deputising' }))
      .thenRefuses('deputised-person-required');
    spec
      .given([scheduled])
      .when(record(deputising('pete-hill', 'pete-hill')))
      .thenRefuses('deputising-for-self');
    spec
      .given([scheduled])
      .when(record({ personId: 'pete-hill', status: 'present', deputisingForPersonId: 'jo-galloway' }))
      .thenRefuses('attendance-detail-mismatch');
  });

  it("never names a detail after a reserved problem field, so the HTTP status stays the rule's", () => {
    const afterApologies = spec.given([scheduled, recorded(apologies('pete-hill'))]);
    const refusals = [
      afterApologies
        .when(record({ personId: 'jo-galloway', status: 'deputising' }))
        .thenRefuses('deputised-person-required'),
      afterApologies.when(record(present('pete-hill'))).thenRefuses('conflicting-attendance'),
    ];
    for (const e of refusals) expect(Object.keys(e.details)).not.toContain('status');
  });

  it("requires the partner for also-representing, and lets it cover an absent member's seat", () => {
    spec
      .given([scheduled])
      .when(record({ personId: 'ellen-footman', status: 'also-representing' }))
      .thenRefuses('represented-partner-required');
    const entry: AttendanceEntry = {
      personId: 'ellen-footman',
      status: 'also-representing',
      representingPartnerId: 'cw-ccg',
      deputisingForPersonId: 'jo-galloway',
    };
    spec
      .given([scheduled, recorded(apologies('jo-galloway'))])
      .when(record(entry))
      .then([recorded(entry)]);
  });

  it('refuses people and partners that are not registered', () => {
    spec
      .given([scheduled])
      .when(record(present('np')))
      .thenRefuses('person-not-registered');
    spec
      .given([scheduled])
      .when(record(deputising('pete-hill', 'nobody')))
      .thenRefuses('person-not-registered');
    spec
      .given([scheduled])
      .when(record({ personId: 'pete-hill', status: 'present', representingPartnerId: 'nowhere' }))
      .thenRefuses('partner-not-registered');
  });

  it("corrects one person's entry, keeping the previous entry and the reason in the event", () => {
    const attended = spec.given([scheduled, recorded(present('pete-hill'))]);
    attended.when(correct(apologies('pete-hill'), 'Sent apologies before the meeting')).then([
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
    expect(attendanceOf(attended.when(correct(apologies('pete-hill'))).stateAfter(), 'pete-hill')).toEqual(
      apologies('pete-hill'),
    );
  });

  it('refuses a correction for someone not recorded, one that changes nothing, and one that breaks the deputy rule', () => {
    spec
      .given([scheduled])
      .when(correct(present('pete-hill')))
      .thenRefuses('attendance-not-recorded');
    spec
      .given([scheduled, recorded(present('pete-hill'))])
      .when(correct(present('pete-hill')))
      .thenRefuses('attendance-unchanged');
    spec
      .given([scheduled, recorded(apologies('jo-galloway'), deputising('pete-hill', 'jo-galloway'))])
      .when(correct(present('jo-galloway')))
      .thenRefuses('deputy-for-attendee');
    spec
      .given([scheduled, recorded(present('pete-hill'))])
      .when(correct(deputising('pete-hill', 'pete-hill')))
      .thenRefuses('deputising-for-self');
  });
});

describe('Meeting decider: agenda', () => {
  const add = (itemNumber: number, presenterPersonIds?: string[], unregisteredPresenterIds: string[] = []): Cmd => ({
    type: 'add-agenda-item',
    data: { meetingId, itemNumber, title: 'Covid-19 updates', presenterPersonIds, unregisteredPresenterIds },
  });

  it('adds an item with its presenter and exposes that the number exists', () => {
    const events = spec
      .given([scheduled])
      .when(add(3, ['pete-hill']))
      .decided();
    expect(events).toEqual([
      {
        type: 'agenda-item-added',
        data: { meetingId, itemNumber: 3, title: 'Covid-19 updates', presenterPersonIds: ['pete-hill'] },
      },
    ]);
    const state = spec.given([scheduled, ...events]).state();
    expect(hasAgendaItem(state, 3)).toBe(true);
    expect(hasAgendaItem(state, 4)).toBe(false);
    expect(state.items[3]).toEqual({ title: 'Covid-19 updates', presenterPersonIds: ['pete-hill'] });
  });

  it('adds an item presented by two people, in the order given; an empty list is no presenter', () => {
    spec
      .given([scheduled])
      .when(add(3, ['julie-smith', 'jo-davies']))
      .thenMatches([{ data: { presenterPersonIds: ['julie-smith', 'jo-davies'] } }]);
    expect(spec.given([scheduled]).when(add(3, [])).decided()[0].data).not.toHaveProperty('presenterPersonIds');
  });

  it('reads an item stored with one presenterPersonId (version 1) as a list of one', () => {
    const v1 = { meetingId, itemNumber: 3, title: 'Covid-19 updates', presenterPersonId: 'pete-hill' };
    expect(Meeting.codec.decode({ type: 'agenda-item-added', schemaVersion: 1, data: v1 })).toEqual({
      type: 'agenda-item-added',
      data: { meetingId, itemNumber: 3, title: 'Covid-19 updates', presenterPersonIds: ['pete-hill'] },
    });
    const none = { meetingId, itemNumber: 4, title: 'AOB' };
    expect(Meeting.codec.decode({ type: 'agenda-item-added', schemaVersion: 1, data: none }).data).toEqual(none);
  });

  it('refuses a number already used, a number that is not a positive whole number, and an unregistered presenter', () => {
    spec
      .given([scheduled, ...spec.given([scheduled]).when(add(3)).decided()])
      .when(add(3))
      .thenRefuses('agenda-item-exists');
    spec.given([scheduled]).when(add(0)).thenRefuses('invalid-item-number');
    spec.given([scheduled]).when(add(1.5)).thenRefuses('invalid-item-number');
    spec
      .given([scheduled])
      .when(add(4, ['pete-hill', 'jc'], ['jc']))
      .thenRefuses('person-not-registered');
    spec
      .given([scheduled])
      .when(add(4, ['pete-hill', 'pete-hill']))
      .thenRefuses('duplicate-presenter');
  });

  it('keeps the label the minutes use for a sub-item, and refuses the same label twice', () => {
    const labelled = (itemNumber: number, label: string): Cmd => ({
      type: 'add-agenda-item',
      data: { meetingId, itemNumber, label, title: 'Action log', unregisteredPresenterIds: [] },
    });
    const events = spec.given([scheduled]).when(labelled(3, '2.1')).decided();
    const labelledOnce = spec.given([scheduled, ...events]);
    expect(labelledOnce.state().items[3]).toEqual({ title: 'Action log', label: '2.1' });
    labelledOnce.when(labelled(4, '2.1')).thenRefuses('agenda-item-label-exists');
    expect(labelledOnce.when(labelled(4, '2.2')).decided()).toHaveLength(1);
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
    spec
      .given([scheduled])
      .when(approve(earlier))
      .then([
        {
          type: 'previous-minutes-approved',
          data: { meetingId, previousMeetingId: 'wseb-2022-02-01', outcome: 'accurate' },
        },
      ]);
    expect(
      spec
        .given([scheduled])
        .when(approve(earlier, 'amended', ['Six districts, not two']))
        .decided()[0].data,
    ).toMatchObject({
      outcome: 'amended',
      amendments: ['Six districts, not two'],
    });
  });

  it('refuses a missing, other-board, later or same meeting', () => {
    spec
      .given([scheduled])
      .when(approve({ exists: false }))
      .thenRefuses('previous-meeting-not-found');
    spec
      .given([scheduled])
      .when(approve({ ...earlier, boardId: 'worcs-scb' }))
      .thenRefuses('previous-meeting-other-board');
    spec
      .given([scheduled])
      .when(approve({ ...earlier, scheduledFor: '2022-09-22T09:30:00.000Z' }))
      .thenRefuses('previous-meeting-not-earlier');
    spec
      .given([scheduled])
      .when(approve({ ...earlier, scheduledFor: scheduled.data.scheduledFor }, 'accurate', undefined, meetingId))
      .thenRefuses('previous-meeting-is-self');
  });

  it('requires amendments when amended, refuses them when accurate, and refuses approving the same minutes twice', () => {
    spec
      .given([scheduled])
      .when(approve(earlier, 'amended', []))
      .thenRefuses('amendments-required');
    spec
      .given([scheduled])
      .when(approve(earlier, 'accurate', ['x']))
      .thenRefuses('amendments-not-allowed');
    spec
      .given([scheduled, ...spec.given([scheduled]).when(approve(earlier)).decided()])
      .when(approve(earlier))
      .thenRefuses('minutes-already-approved');
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
    spec
      .given([atShireHall])
      .when(move('Microsoft Teams', 'Rail strike'))
      .then([
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
    spec
      .given([scheduled])
      .when(move('Microsoft Teams'))
      .then([{ type: 'meeting-location-changed', data: { meetingId, location: 'Microsoft Teams' } }]);
  });

  it('refuses the location the meeting is already at, after a move as after scheduling', () => {
    spec.given([atShireHall]).when(move('Shire Hall, Warwick')).thenRefuses('same-location');
    const moved = spec.given([atShireHall]).and(move('Microsoft Teams'));
    moved.when(move('Microsoft Teams')).thenRefuses('same-location');
    moved.when(move('Shire Hall, Warwick')).thenMatches([{ data: { previousLocation: 'Microsoft Teams' } }]);
  });

  it('refuses a move once attendance is recorded (409), and for a meeting never scheduled (404)', () => {
    spec
      .given([scheduled, recorded(present('pete-hill'))])
      .when(move('Microsoft Teams'))
      .thenRefuses('meeting-already-held', 409);
    spec.given([]).when(move('Microsoft Teams')).thenRefuses('meeting-not-found', 404);
  });
});

describe('Meeting decider: cancelling', () => {
  const cancel = (reason = 'Not quorate'): Cmd => ({ type: 'cancel-meeting', data: { meetingId, reason } });
  const cancelled: MeetingEvent = { type: 'meeting-cancelled', data: { meetingId, reason: 'Not quorate' } };

  it('cancels a meeting not yet held with the reason, leaving it closed to everything else', () => {
    spec.given([scheduled]).when(cancel()).then([cancelled]);
    const state = spec.given([scheduled, cancelled]).state();
    // Other contexts read `closed` (a decision or action at it is refused): cancelled is closed to them.
    expect(state).toMatchObject({ cancelled: true, closed: true });
    expect(isOpen(state)).toBe(false);
  });

  it('refuses a meeting already held (409), closed (409), never scheduled (404), and anything once cancelled (409)', () => {
    spec
      .given([scheduled, recorded(present('pete-hill'))])
      .when(cancel())
      .thenRefuses('meeting-already-held', 409);
    spec.given([scheduled, closed]).when(cancel()).thenRefuses('meeting-closed', 409);
    spec.given([]).when(cancel()).thenRefuses('meeting-not-found', 404);
    const afterCancel = spec.given([scheduled, cancelled]);
    for (const c of [
      cancel(),
      record(present('pete-hill')),
      { type: 'add-agenda-item', data: { meetingId, itemNumber: 1, title: 'x' } } as Cmd,
      { type: 'close-meeting', data: { meetingId } } as Cmd,
    ])
      afterCancel.when(c).thenRefuses('meeting-cancelled', 409);
  });
});

describe('Meeting decider: closing', () => {
  it('closes an open meeting', () => {
    spec.given([scheduled]).when({ type: 'close-meeting', data: { meetingId } }).then([closed]);
  });

  it('refuses anything after close, including closing again, corrections and approving minutes (409)', () => {
    const afterClose = spec.given([scheduled, recorded(present('pete-hill')), closed]);
    for (const c of [
      record(present('jo-galloway')),
      correct(apologies('pete-hill')),
      { type: 'close-meeting', data: { meetingId } } as Cmd,
      { type: 'add-agenda-item', data: { meetingId, itemNumber: 1, title: 'x' } } as Cmd,
      {
        type: 'approve-previous-minutes',
        data: {
          meetingId,
          previousMeetingId: 'wseb-2022-02-01',
          outcome: 'accurate',
          previous: { exists: true, boardId: 'wseb', scheduledFor: '2022-02-01T09:30:00.000Z' },
        },
      } as Cmd,
      { type: 'change-meeting-location', data: { meetingId, location: 'Microsoft Teams' } } as Cmd,
    ]) {
      afterClose.when(c).thenRefuses('meeting-closed', 409);
    }
  });
});

describe('Meeting decider: contributions (who said what, with their attendance status then)', () => {
  const item3: MeetingEvent = { type: 'agenda-item-added', data: { meetingId, itemNumber: 3, title: 'Updates' } };
  const held = [scheduled, item3, recorded(present('pete-hill'), apologies('nigel-minns'))];
  const contribute = (personId: string, over: { itemNumber?: number; personRegistered?: boolean } = {}): Cmd => ({
    type: 'record-contribution',
    data: {
      meetingId,
      itemNumber: 3,
      personId,
      summary: 'Said the conference is fully booked',
      personRegistered: true,
      ...over,
    },
  });

  it('given a member present, then the contribution is numbered and carries their status', () => {
    spec
      .given(held)
      .when(contribute('pete-hill'))
      .then([
        {
          type: 'contribution-recorded',
          data: {
            meetingId,
            itemNumber: 3,
            contributionNumber: 1,
            personId: 'pete-hill',
            summary: 'Said the conference is fully booked',
            attendanceStatus: 'present',
          },
        },
      ]);
  });

  it('given a member who sent apologies and is quoted, then it is recorded as such, the second of the meeting', () => {
    const first = spec.given(held).when(contribute('pete-hill')).decided();
    spec
      .given([...held, ...first])
      .when(contribute('nigel-minns'))
      .thenMatches([{ data: { contributionNumber: 2, personId: 'nigel-minns', attendanceStatus: 'apologies' } }]);
  });

  it('given someone the attendance list does not name, then their status is not-recorded', () => {
    spec
      .given(held)
      .when(contribute('jo-galloway'))
      .thenMatches([{ data: { attendanceStatus: 'not-recorded' } }]);
  });

  it('refuses before attendance, on an item not on the agenda, for an unregistered person, the same twice, and once closed', () => {
    spec.given([scheduled, item3]).when(contribute('pete-hill')).thenRefuses('meeting-not-held', 409);
    spec
      .given(held)
      .when(contribute('pete-hill', { itemNumber: 9 }))
      .thenRefuses('agenda-item-not-found', 422);
    spec
      .given(held)
      .when(contribute('jc', { personRegistered: false }))
      .thenRefuses('person-not-registered', 422);
    const first = spec.given(held).when(contribute('pete-hill')).decided();
    spec
      .given([...held, ...first])
      .when(contribute('pete-hill'))
      .thenRefuses('contribution-already-recorded', 409);
    spec
      .given([...held, closed])
      .when(contribute('pete-hill'))
      .thenRefuses('meeting-closed', 409);
  });
});
