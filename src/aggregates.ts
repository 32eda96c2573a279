import { Action } from './actions';
import { Decision } from './decisions';
import { Escalation, EscalationProtocol } from './escalations';
import { EvidencePack } from './evidence';
import { Budget } from './funding';
import { LedgerDigest } from './ledger/digests/ledger-digest';
import { EventRegistry, type EventSource } from './ledger/event-registry';
import { Meeting } from './meetings';
import { Board, Partner, Person } from './partners';
import { DataSubject } from './privacy';
import { Signoff } from './signoffs';

/**
 * Every aggregate that writes to the ledger, one per stream category: a new context adds its
 * aggregates here, and every reader that is not tied to one aggregate decodes through them.
 */
export const AGGREGATES: readonly EventSource[] = [
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
  DataSubject,
  EvidencePack,
  LedgerDigest,
];

/** The codecs of every stream category in the ledger. */
export const EVENT_REGISTRY = new EventRegistry(AGGREGATES);
