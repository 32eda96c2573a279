import type { StoredEvent } from '../../src/ledger/event-envelope';
import { compact } from './compact';
import type { MeetingDoc } from './decision-register-doc';
import { meetings } from './subscriptions';

export const newMeeting = (meetingId: string): MeetingDoc => ({ kind: 'meeting', meetingId, items: {} });

/** Only what the register shows beside a decision: the board, the date and the item's label and title. */
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
    default:
      return doc;
  }
}
