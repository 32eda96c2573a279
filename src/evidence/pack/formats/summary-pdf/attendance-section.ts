/**
 * The attendance appendix, as annual reports print it ("Recorded attendance at board meetings"): per
 * board and financial year, each member by seat with the meetings held while they sat, attended,
 * apologies, deputised and by whom, and rates. attendance-register.csv holds the same figures.
 */
import type { AttendanceAppendixTable } from './summary-figures';
import { heading, newPage, para, type Doc } from './layout';
import { drawTable } from './table';
import { ATTENDANCE_APPENDIX_COLUMNS } from '../tables/attendance-register-csv';

export function drawAttendanceAppendix(doc: Doc, tables: AttendanceAppendixTable[]): void {
  newPage(doc, 'landscape');
  heading(doc, 'Appendix: recorded attendance');
  para(
    doc,
    "Per board and financial year, each member's record over the meetings in this pack held while they held the seat (not cancelled, attendance recorded): attended, apologies, deputised (someone attended in their place) and by whom. Attendance is attended of held; covered counts a deputy too. Figures cover only the meetings in the pack, as at the end of the period (attendance-register.csv holds the same).",
    { muted: true, size: 9 },
  );
  if (tables.length === 0)
    return para(doc, "No board's members are recorded for the meetings in this pack.", { muted: true });
  for (const t of tables)
    drawTable(
      doc,
      { title: `${t.boardId}, ${t.financialYear}`, columns: ATTENDANCE_APPENDIX_COLUMNS, rows: t.rows },
      { continueOnPage: true },
    );
}
