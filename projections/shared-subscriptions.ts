import { Action } from '../src/actions';
import { Decision } from '../src/decisions';
import { Signoff } from '../src/signoffs';
import { subscribe } from './subscription';

/**
 * Subscriptions that more than one read model takes alike, declared once: a new event type of
 * these aggregates is decided here for every model named below (the compiler still refuses one
 * left out). A model that comes to need another answer declares its own table instead.
 */

/**
 * Of actions, only the event that raises one: what it cites (citations) and the meeting it was
 * raised at (meetings). Later changes, carrying forward included, are the action log's.
 */
export const actionRaised = subscribe(Action, {
  'action-raised': 'handled',
  'action-progress-noted': 'ignored',
  'action-carried-forward': 'ignored',
  'action-reassigned': 'ignored',
  'action-due-date-changed': 'ignored',
  'action-completed': 'ignored',
  'action-closed': 'ignored',
  'action-reopened': 'ignored',
  'action-cancelled': 'ignored',
});

/**
 * Of decisions, only the event that records one: what it cites (citations) and the meeting it was
 * made at (meetings). Its later course names only the decision: the decision register shows it.
 */
export const decisionRecorded = subscribe(Decision, {
  'decision-recorded': 'handled',
  'decision-condition-satisfied': 'ignored',
  'decision-rescinded': 'ignored',
  'decision-superseded': 'ignored',
});

/** A sign-off's whole course: the sign-offs model shows it, the decision register beside its decision. */
export const signoffCourse = subscribe(Signoff, {
  'signoff-requested': 'handled',
  'signoff-signed': 'handled',
  'signoff-completed': 'handled',
  'signoff-artefact-revised': 'handled',
  'signoff-signature-withdrawn': 'handled',
  'signoff-request-withdrawn': 'handled',
});
