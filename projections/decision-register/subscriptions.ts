import { Decision } from '../../src/decisions';
import { Meeting } from '../../src/meetings';
import { subscribe } from '../subscription';

/** What the register reads of each aggregate: every decision and sign-off event, a meeting's board, date and items. */
export const decisions = subscribe(Decision, {
  'decision-recorded': 'handled',
  'decision-condition-satisfied': 'handled',
  'decision-rescinded': 'handled',
  'decision-superseded': 'handled',
});
export { signoffCourse as signoffs } from '../shared-subscriptions';
export const meetings = subscribe(Meeting, {
  'meeting-scheduled': 'handled',
  'agenda-item-added': 'handled',
  // Attendance: whether the meeting a decision was made at was quorate.
  'attendance-recorded': 'handled',
  'attendance-corrected': 'handled',
  'previous-minutes-approved': 'ignored',
  'meeting-closed': 'ignored',
  'meeting-location-changed': 'ignored',
  'meeting-cancelled': 'ignored',
  'contribution-recorded': 'ignored',
});
/** A board's members and quorum rules: what the quorum of a decision's meeting is judged against. */
export { quorumBoards as boards } from '../meetings/quorum';
