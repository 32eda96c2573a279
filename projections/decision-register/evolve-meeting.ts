import type { StoredEvent } from '../../src/ledger/event-envelope';
import { compact } from './compact';
import type { MeetingDoc } from './decision-register-doc';
import { meetings } from './subscriptions';
import { withLines } from '../meetings/attendance-lines';

export const newMeeting = (meetingId: string): MeetingDoc => ({ kind: 'meeting', meetingId, items: {} });

/** Only what the register shows beside a decision: the board, the date, the item's label and title, and attendance. */
export function evolveMeeting(doc: MeetingDoc, stored: StoredEvent): MeetingDoc {
  const event = meetings.decode(stored);
  switch (event.type) {
    case 'meeting-scheduled': {
      const { boardId, scheduledFor, title } = event.data;
      return compact({ ...doc, boardId, scheduledFor, title });
    }
    case 'agenda-item-added': {
      const { itemNumber, label, title } = event.data;
      return { ...doc, items: { ...doc.items, [itemNumber]: compact({ label, title }) } };
    }
    case 'attendance-recorded':
      return { ...doc, attendance: withLines(doc.attendance ?? [], event.data.entries) };
    case 'attendance-corrected':
      return { ...doc, attendance: withLines(doc.attendance ?? [], [event.data.entry]) };
    default:
      return doc;
  }
}
