import type { ActionEvent } from '../../src/actions/domain/action.messages';
import type { ActionOwner } from '../../src/actions/domain/action-owner';

/** How an owner reads in a summary: the same keys the decider compares owners by. */
export function ownerLabel(owner: ActionOwner): string {
  switch (owner.kind) {
    case 'person':
      return `person:${owner.personId}`;
    case 'partner':
      return `partner:${owner.partnerId}`;
    case 'team':
      return `team:${owner.name}`;
  }
}

const owners = (list: ActionOwner[]) => list.map(ownerLabel).join(', ');
const suffix = (text: string | undefined) => (text ? `: ${text}` : '');

/** One plain-English line per event, for the history an inspector reads. */
export function summarise(event: ActionEvent): string {
  switch (event.type) {
    case 'action-raised': {
      const { meetingId, itemNumber, owners: o, dueDate, targetMeetingId } = event.data;
      const due = [dueDate && `by ${dueDate}`, targetMeetingId && `at ${targetMeetingId}`]
        .filter(Boolean)
        .join(' and ');
      return `Raised at ${meetingId} item ${itemNumber} for ${owners(o)}, due ${due}`;
    }
    case 'action-progress-noted':
      return `Progress noted${suffix(event.data.note)}`;
    case 'action-carried-forward': {
      const { toMeetingId, fromMeetingId, note, timesCarriedForward } = event.data;
      return `Carried forward to ${toMeetingId}${fromMeetingId ? ` from ${fromMeetingId}` : ''} (${timesCarriedForward} time${timesCarriedForward === 1 ? '' : 's'})${suffix(note)}`;
    }
    case 'action-reassigned':
      return `Reassigned from ${owners(event.data.previousOwners)} to ${owners(event.data.owners)}${suffix(event.data.reason)}`;
    case 'action-due-date-changed': {
      const { dueDate, previousDueDate, reason } = event.data;
      return `Due date ${previousDueDate ? `moved from ${previousDueDate} to` : 'set to'} ${dueDate}${suffix(reason)}`;
    }
    case 'action-completed':
      return `Reported actioned${suffix(event.data.note)}`;
    case 'action-closed':
      return `Closed (was ${event.data.closedFrom})${suffix(event.data.reason)}`;
    case 'action-reopened':
      return `Reopened (was ${event.data.reopenedFrom})${suffix(event.data.reason)}`;
    case 'action-cancelled':
      return `Cancelled (was ${event.data.cancelledFrom})${suffix(event.data.reason)}`;
  }
}
