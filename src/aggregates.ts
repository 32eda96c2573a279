import { Action } from './actions/domain/action';
import { Decision } from './decisions/domain/decision';
import { Escalation } from './escalations/domain/escalation';
import { EscalationProtocol } from './escalations/domain/escalation-protocol';
import { EvidencePack } from './evidence/domain/evidence-pack';
import { Budget } from './funding/domain/budget';
import { LedgerDigest } from './ledger/digests/ledger-digest';
import { EventRegistry, type EventSource } from './ledger/event-registry';
import { Meeting } from './meetings/domain/meeting';
import { Board } from './partners/domain/board';
import { Partner } from './partners/domain/partner';
import { Person } from './partners/domain/person';
import { DataSubject } from './privacy/domain/data-subject';
import { Signoff } from './signoffs/domain/signoff';

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
