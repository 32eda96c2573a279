import type { AttendanceEntry } from '../../src/meetings';
import { withoutUndefined as defined } from '../../src/shared/without-undefined';
import type { AttendanceLine } from './attendance-line';

const byPerson = (a: AttendanceLine, b: AttendanceLine) =>
  a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0;
const line = (e: AttendanceEntry): AttendanceLine => defined({ ...e });

/** Lines replaced person by person, kept in person-id order so a document is the same whatever the order of entries. */
export function withLines(attendance: AttendanceLine[], entries: AttendanceEntry[]): AttendanceLine[] {
  const replaced = new Set(entries.map((e) => e.personId));
  return [...attendance.filter((a) => !replaced.has(a.personId)), ...entries.map(line)].sort(byPerson);
}
