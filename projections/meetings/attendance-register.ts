import { businessDate } from '../calendar/business-date';
import { heldOn } from '../../src/partners';
import type { MeetingDoc } from './meeting-doc';
import type { BoardQuorumFacts } from './quorum';

/** "2022-23" for a date from 1 April 2022 to 31 March 2023: the year annual reports are written for. */
export function financialYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5, 10) >= '04-01' ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** One member's record on one board in one financial year: the annual report's attendance appendix line. */
export interface AttendanceRegisterRow {
  boardId: string;
  financialYear: string;
  personId: string;
  partnerId: string;
  seat: string;
  statutory: boolean;
  /**
   * Held meetings on dates the person held the seat: not cancelled, with attendance recorded (a meeting
   * still to come, or not yet minuted, has no attendance to count, so it would otherwise read as missed).
   */
  meetings: number;
  attended: number;
  apologies: number;
  /** Meetings where someone attended in their place (named in the minutes, or the seat's standing deputy). */
  deputised: number;
  /** Who stood in at those meetings, each once, in id order. */
  deputisedBy: string[];
  /** attended / meetings, rounded to a whole percent (null with no meetings). */
  attendanceRate: number | null;
  /** (attended + deputised) / meetings: how often the seat was covered. */
  coveredRate: number | null;
}

const PRESENT = new Set(['present', 'also-representing']);
const rate = (n: number, of: number) => (of === 0 ? null : Math.round((100 * n) / of));

/**
 * Per board, financial year and member, from the meetings' attendance against the board's members
 * on each meeting date. Rows in board, year, seat, person order; a partner's figures sum its rows.
 */
export function attendanceRegister(
  meetings: MeetingDoc[],
  boardFacts: (boardId: string) => BoardQuorumFacts | undefined,
): AttendanceRegisterRow[] {
  const rows = new Map<string, AttendanceRegisterRow>();
  for (const m of meetings) {
    if (!m.scheduled || !m.boardId || !m.scheduledFor || m.cancelledBecause !== undefined) continue;
    if (m.attendance.length === 0) continue;
    const facts = boardFacts(m.boardId);
    if (!facts) continue;
    const date = businessDate(m.scheduledFor);
    const financialYear = financialYearOf(date);
    for (const member of facts.memberships.filter((x) => heldOn(x, date))) {
      const key = [m.boardId, financialYear, member.seat, member.personId].join('|');
      const row = rows.get(key) ?? {
        boardId: m.boardId,
        financialYear,
        personId: member.personId,
        partnerId: member.partnerId,
        seat: member.seat,
        statutory: member.statutory,
        meetings: 0,
        attended: 0,
        apologies: 0,
        deputised: 0,
        deputisedBy: [],
        attendanceRate: null,
        coveredRate: null,
      };
      const own = m.attendance.find((a) => a.personId === member.personId);
      const standing = facts.deputies.filter((d) => d.seat === member.seat && heldOn(d, date));
      const stoodIn = m.attendance.filter(
        (a) =>
          a.deputisingForPersonId === member.personId ||
          (a.status !== 'apologies' && standing.some((d) => d.deputyPersonId === a.personId)),
      );
      row.meetings += 1;
      if (own && PRESENT.has(own.status)) row.attended += 1;
      else if (stoodIn.length > 0) {
        row.deputised += 1;
        row.deputisedBy = [...new Set([...row.deputisedBy, ...stoodIn.map((a) => a.personId)])].sort();
      }
      if (own?.status === 'apologies') row.apologies += 1;
      rows.set(key, row);
    }
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => ({
      ...r,
      attendanceRate: rate(r.attended, r.meetings),
      coveredRate: rate(r.attended + r.deputised, r.meetings),
    }));
}
