import type { StoredEvent } from '../../../../ledger/event-envelope';
import { MEETING_KEY_PREFIX, type MeetingDoc } from '../../../../../projections/meetings/meeting-doc';
import { meetingsProjection } from '../../../../../projections/meetings/meetings.projection';
import { toCsv, CSV_FORMAT, type Cell, type CsvFormat } from '../csv';
import { DerivedTable, ProjectionFold, type PackTable } from './projection-fold';

/** The first CSV format whose packs carry meetings.csv and attendance.csv (verify-pack expects them from then). */
export const MEETINGS_CSV_SINCE: CsvFormat = 3;

export const MEETING_COLUMNS = [
  'meetingId',
  'boardId',
  'scheduledFor',
  'title',
  'location',
  'closed',
  'attending',
  'apologies',
  'deputies',
  'attendanceCorrections',
  'agendaItems',
  'approvesMinutesOf',
  'minutesApprovedAt',
  'decisions',
  'actions',
  'historyEvents',
];

export const ATTENDANCE_COLUMNS = [
  'meetingId',
  'boardId',
  'scheduledFor',
  'personId',
  'status',
  'deputisingForPersonId',
  'representingPartnerId',
  'corrected',
];

/** "wseb-2022-02-01 amended (2 amendments)": which minutes, how approved. */
const approvals = (list: MeetingDoc['approvesMinutesOf']) =>
  list
    .map((a) => `${a.meetingId} ${a.outcome}${a.amendments ? ` (${a.amendments.length} amendments)` : ''}`)
    .join('; ');

/** Meetings as at the end of the period: one row per meeting in the pack (records and their context), by id. */
export class MeetingsTable implements PackTable {
  readonly file = 'meetings.csv';
  readonly since = MEETINGS_CSV_SINCE;
  readonly fold = new ProjectionFold(meetingsProjection);
  readonly projection = { name: meetingsProjection.name, version: meetingsProjection.version };

  add(event: StoredEvent): void {
    this.fold.add(event);
  }

  meetings(): MeetingDoc[] {
    return this.fold.sorted<MeetingDoc>(MEETING_KEY_PREFIX).filter((m) => m.scheduled);
  }

  csv(format: CsvFormat = CSV_FORMAT): string {
    const rows = this.meetings().map((m): Cell[] => [
      m.meetingId,
      m.boardId,
      m.scheduledFor,
      m.title,
      m.location,
      m.closed,
      m.attendance.filter((a) => a.status !== 'apologies').length,
      m.attendance.filter((a) => a.status === 'apologies').length,
      m.attendance.filter((a) => a.deputisingForPersonId !== undefined).length,
      m.attendanceCorrections.length,
      m.agenda.length,
      approvals(m.approvesMinutesOf),
      approvals(m.minutesApprovedAt),
      m.decisions.map((d) => d.decisionId).join(';'),
      m.actions.map((a) => a.actionId).join(';'),
      m.history.length,
    ]);
    return toCsv(MEETING_COLUMNS, rows, format);
  }
}

/**
 * Attendance as at the end of the period: one row per person per meeting, as corrected, by meeting
 * then person. Read from the meetings table's fold (the same documents), so it folds nothing itself.
 */
export class AttendanceTable extends DerivedTable<MeetingsTable> {
  readonly file = 'attendance.csv';
  readonly since = MEETINGS_CSV_SINCE;

  csv(format: CsvFormat = CSV_FORMAT): string {
    const rows = this.source.meetings().flatMap((m) => {
      const corrected = new Set(m.attendanceCorrections.map((c) => c.personId));
      return m.attendance.map((a): Cell[] => [
        m.meetingId,
        m.boardId,
        m.scheduledFor,
        a.personId,
        a.status,
        a.deputisingForPersonId,
        a.representingPartnerId,
        corrected.has(a.personId),
      ]);
    });
    return toCsv(ATTENDANCE_COLUMNS, rows, format);
  }
}
