import { Action } from '../../../actions';
import { Decision } from '../../../decisions';
import { Escalation, EscalationProtocol } from '../../../escalations';
import { Budget } from '../../../funding';
import { EventRegistry } from '../../../ledger/event-registry';
import { Meeting } from '../../../meetings';
import { Board, Partner, Person } from '../../../partners';
import { Signoff } from '../../../signoffs';

/**
 * The codecs of every aggregate whose events a pack selects from (records, their meetings, boards,
 * people and agencies): the selector reads facts from the current domain shape, upcasters included.
 */
export const PACK_EVENTS = new EventRegistry([
  Partner,
  Person,
  Board,
  Meeting,
  Decision,
  Signoff,
  Action,
  Escalation,
  EscalationProtocol,
  Budget,
]);
