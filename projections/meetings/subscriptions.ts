import { Meeting } from '../../src/meetings';
import { subscribe } from '../subscription';

/** Every meeting event; of decisions and actions, only the events that name the meeting they were made at. */
export const meetings = subscribe(Meeting, {
  'meeting-scheduled': 'handled',
  'attendance-recorded': 'handled',
  'attendance-corrected': 'handled',
  'agenda-item-added': 'handled',
  'previous-minutes-approved': 'handled',
  'meeting-location-changed': 'handled',
  'meeting-cancelled': 'handled',
  'meeting-closed': 'handled',
  'contribution-recorded': 'handled',
});
/** The decisions and actions made at a meeting, from the event that records each. */
export { decisionRecorded as decisions, actionRaised as actions } from '../shared-subscriptions';
/** A board's members, deputies and quorum rules: what its meetings' quorum is judged against. */
export { quorumBoards as boards } from './quorum';
