import { Action } from '../../../actions';
import { MultiAgencyAudit, ThematicReview } from '../../../assurance';
import { CaseReview } from '../../../case-reviews';
import { Decision } from '../../../decisions';
import { Inspection } from '../../../inspections';
import { ForwardPlanItem } from '../../../forward-plan';
import { Escalation, EscalationProtocol } from '../../../escalations';
import { Budget } from '../../../funding';
import { EventRegistry, type EventSource } from '../../../ledger/event-registry';
import { Meeting } from '../../../meetings';
import { Risk } from '../../../risks';
import { Board, Partner, Person } from '../../../partners';
import { Signoff } from '../../../signoffs';

/**
 * Every aggregate whose events a pack selects from (records, their meetings, boards, people and
 * agencies). src/aggregates.ts lists the ledger's aggregates starting from these, so a pack can
 * never name an aggregate the ledger does not know.
 */
export const PACK_SOURCES: readonly EventSource[] = [
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
  CaseReview,
  Inspection,
  ThematicReview,
  MultiAgencyAudit,
  Risk,
  ForwardPlanItem,
];

/** Their codecs: the selector reads facts from the current domain shape, upcasters included. */
export const PACK_EVENTS = new EventRegistry(PACK_SOURCES);
