import { Action } from '../../src/actions';
import { Decision } from '../../src/decisions';
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
export const decisions = subscribe(Decision, {
  'decision-recorded': 'handled',
  // Their later course names only the decision: the decision register shows it.
  'decision-condition-satisfied': 'ignored',
  'decision-rescinded': 'ignored',
  'decision-superseded': 'ignored',
});
export const actions = subscribe(Action, {
  'action-raised': 'handled',
  // Later changes (carrying forward included) are the action log's: the meeting keeps what it raised.
  'action-progress-noted': 'ignored',
  'action-carried-forward': 'ignored',
  'action-reassigned': 'ignored',
  'action-due-date-changed': 'ignored',
  'action-completed': 'ignored',
  'action-closed': 'ignored',
  'action-reopened': 'ignored',
  'action-cancelled': 'ignored',
});
/** A board's members, deputies and quorum rules: what its meetings' quorum is judged against. */
export { quorumBoards as boards } from './quorum';
