import { ownerLabel, type ActionEvent } from '../../src/actions';
import type { DecisionEvent } from '../../src/decisions';
import type { AttendanceEntry, MeetingEvent } from '../../src/meetings';

const suffix = (text: string | undefined) => (text ? `: ${text}` : '');

/** "jo-galloway deputising for jackie-channell", "pete-hill present (warwickshire-police)". */
export function attendanceText(e: Omit<AttendanceEntry, 'personId'> & { personId?: string }): string {
  const who = e.personId ? `${e.personId} ` : '';
  const seat = e.deputisingForPersonId ? ` for ${e.deputisingForPersonId}` : '';
  const partner = e.representingPartnerId ? ` (${e.representingPartnerId})` : '';
  return `${who}${e.status}${seat}${partner}`;
}

/** One plain-English line per event a meeting's history holds, for the inspector reading it. */
export function summarise(event: MeetingEvent | DecisionEvent | ActionEvent): string {
  switch (event.type) {
    case 'meeting-scheduled': {
      const { boardId, scheduledFor, title, location } = event.data;
      return `Scheduled for ${scheduledFor} (board ${boardId})${title ? `: ${title}` : ''}${location ? ` at ${location}` : ''}`;
    }
    case 'attendance-recorded':
      return `Attendance recorded: ${event.data.entries.map(attendanceText).join('; ')}`;
    case 'attendance-corrected': {
      const { personId, entry, previous, reason } = event.data;
      return `Attendance of ${personId} corrected from ${attendanceText({ ...previous, personId: undefined })} to ${attendanceText({ ...entry, personId: undefined })}${suffix(reason)}`;
    }
    case 'agenda-item-added': {
      const { itemNumber, label, title, presenterPersonIds } = event.data;
      return `Agenda item ${label ?? itemNumber}: ${title}${presenterPersonIds ? ` (presented by ${presenterPersonIds.join(' and ')})` : ''}`;
    }
    case 'contribution-recorded': {
      const { itemNumber, personId, summary, attendanceStatus, note } = event.data;
      return `Contribution of ${personId} (${attendanceStatus}) on item ${itemNumber}: ${summary}${note ? ` [${note}]` : ''}`;
    }
    case 'previous-minutes-approved': {
      const { meetingId, previousMeetingId, outcome, amendments } = event.data;
      const changes = amendments?.length ? ` with amendments: ${amendments.join('; ')}` : '';
      return `Minutes of ${previousMeetingId} approved at ${meetingId} as ${outcome}${changes}`;
    }
    case 'meeting-location-changed':
      return `Moved to ${event.data.location}${event.data.previousLocation ? ` from ${event.data.previousLocation}` : ''}${suffix(event.data.reason)}`;
    case 'meeting-cancelled':
      return `Cancelled${suffix(event.data.reason)}`;
    case 'meeting-closed':
      return 'Closed: nothing more can be recorded against it';
    case 'decision-recorded':
      return `Decision ${event.data.decisionId} at item ${event.data.itemNumber}: ${event.data.outcome}, ${event.data.text}`;
    case 'action-raised':
      return `Action ${event.data.actionId} raised at item ${event.data.itemNumber} for ${event.data.owners.map(ownerLabel).join(', ')}: ${event.data.text}`;
    default:
      return event.type;
  }
}
