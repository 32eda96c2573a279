import { ownerLabel } from '../../../actions';
import type { MeetingDoc } from '../../../../projections/meetings/meeting-doc';
import { businessDay } from '../business-day';
import type { MeetingSummary } from '../formats/summary-pdf/summary-figures';

/** The agenda's label for an item ("2.1", "Part 1") where the minutes gave one, else its number. */
const itemLabel = (m: MeetingDoc, itemNumber: number) =>
  m.agenda.find((a) => a.itemNumber === itemNumber)?.label ?? String(itemNumber);

/**
 * summary.pdf's meetings, from the same folded documents as meetings.csv and attendance.csv (so
 * the counts agree with the CSVs), in date then id order. Attendance is as corrected.
 */
export function meetingSummaries(meetings: MeetingDoc[]): MeetingSummary[] {
  return meetings
    .map((m): MeetingSummary => ({
      meetingId: m.meetingId,
      date: m.scheduledFor === undefined ? '' : businessDay(m.scheduledFor),
      boardId: m.boardId ?? '',
      title: m.title ?? '',
      attending: m.attendance.filter((a) => a.status !== 'apologies').length,
      apologies: m.attendance.filter((a) => a.status === 'apologies').map((a) => a.personId),
      deputies: m.attendance.flatMap((a) =>
        a.deputisingForPersonId === undefined ? [] : [`${a.personId} for ${a.deputisingForPersonId}`],
      ),
      decisions: m.decisions.map((d) => ({
        item: itemLabel(m, d.itemNumber),
        decisionId: d.decisionId,
        outcome: d.outcome,
        text: d.text,
      })),
      actions: m.actions.map((a) => ({
        item: itemLabel(m, a.itemNumber),
        actionId: a.actionId,
        owners: a.owners.map(ownerLabel).join(', '),
        due: a.dueDate ?? '',
        text: a.text,
      })),
    }))
    .sort((a, b) => (a.date === b.date ? (a.meetingId < b.meetingId ? -1 : 1) : a.date < b.date ? -1 : 1));
}
