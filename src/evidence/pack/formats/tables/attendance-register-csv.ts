import {
  attendanceRegister,
  type AttendanceRegisterRow,
} from '../../../../../projections/meetings/attendance-register';
import { boardFactsKey } from '../../../../../projections/meetings/meeting-doc';
import { toCsv, CSV_FORMAT, type Cell, type CsvFormat } from '../csv';
import type { AttendanceAppendixTable } from '../summary-pdf/summary-figures';
import type { MeetingsTable } from './meetings-csv';
import { DerivedTable } from './projection-fold';

/** Packs carry attendance-register.csv from CSV format 9 on; verify-pack expects it only in those. */
export const ATTENDANCE_REGISTER_CSV_SINCE: CsvFormat = 9;

export const ATTENDANCE_REGISTER_COLUMNS = [
  'boardId',
  'financialYear',
  'personId',
  'partnerId',
  'seat',
  'statutory',
  'meetingsHeld',
  'attended',
  'apologies',
  'deputised',
  'deputisedBy',
  'attendanceRate',
  'coveredRate',
];

/**
 * The annual report's "recorded attendance" appendix as CSV: one row per board, financial year, seat
 * and member. Written alike in packs and by the attendance register's HTTP read (GET
 * /meetings/attendance-register.csv), so the two never drift apart.
 */
export function attendanceRegisterCsv(rows: AttendanceRegisterRow[], format: CsvFormat = CSV_FORMAT): string {
  const cells = rows.map((r): Cell[] => [
    r.boardId,
    r.financialYear,
    r.personId,
    r.partnerId,
    r.seat,
    r.statutory,
    r.meetings,
    r.attended,
    r.apologies,
    r.deputised,
    r.deputisedBy.join(';'),
    r.attendanceRate,
    r.coveredRate,
  ]);
  return toCsv(ATTENDANCE_REGISTER_COLUMNS, cells, format);
}

/**
 * The attendance register as at the end of the period, counted over the meetings in the pack (a
 * partner or theme filter, or a period that cuts a year, leaves some of a year's meetings out: the
 * meetingsHeld column says how many were counted) against the members its boards' streams record.
 * Read from the meetings table's fold, which holds the boards' members too, so it folds nothing itself.
 */
export class AttendanceRegisterTable extends DerivedTable<MeetingsTable> {
  readonly file = 'attendance-register.csv';
  readonly since = ATTENDANCE_REGISTER_CSV_SINCE;

  rows(): AttendanceRegisterRow[] {
    const docs = this.source.fold.docs;
    return attendanceRegister(this.source.meetings(), (boardId) => docs.get(boardFactsKey(boardId))?.board);
  }

  csv(format: CsvFormat = CSV_FORMAT): string {
    return attendanceRegisterCsv(this.rows(), format);
  }
}

/** summary.pdf's appendix columns: the annual report's, with the seat a deputy covered. */
export const ATTENDANCE_APPENDIX_COLUMNS = [
  'Member',
  'Partner',
  'Seat',
  'Held',
  'Attended',
  'Apologies',
  'Deputised',
  'Deputised by',
  'Attendance',
  'Covered',
];

const percent = (rate: number | null) => (rate === null ? '-' : `${rate}%`);

/** The register as summary.pdf's appendix: a table per board and year (rows keep the register's seat order). */
export function attendanceAppendix(rows: AttendanceRegisterRow[]): AttendanceAppendixTable[] {
  const tables = new Map<string, AttendanceAppendixTable>();
  for (const r of rows) {
    const key = `${r.boardId}|${r.financialYear}`;
    const table = tables.get(key) ?? { boardId: r.boardId, financialYear: r.financialYear, rows: [] };
    table.rows.push([
      r.personId,
      r.partnerId,
      r.statutory ? `${r.seat} (statutory)` : r.seat,
      String(r.meetings),
      String(r.attended),
      String(r.apologies),
      String(r.deputised),
      r.deputisedBy.join(', '),
      percent(r.attendanceRate),
      percent(r.coveredRate),
    ]);
    tables.set(key, table);
  }
  return [...tables.values()];
}
