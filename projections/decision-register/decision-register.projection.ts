import type { DecisionEvent } from '../../src/decisions/domain/decision';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import type { SignoffEvent } from '../../src/signoffs/domain/signoff.messages';
import type { Projection } from '../projection';
import {
  decisionKey,
  DECISION_KEY_PREFIX,
  meetingKey,
  MEETING_KEY_PREFIX,
  signoffKey,
  SIGNOFF_KEY_PREFIX,
  type DecisionRegisterDoc,
} from './decision-register-doc';
import { evolveDecision, linkSignoff, newDecision } from './evolve-decision';
import { evolveMeeting, MEETING_EVENT_TYPES, newMeeting } from './evolve-meeting';
import { evolveSignoff, newSignoff } from './evolve-signoff';

/** The event types this version understands; a new type needs a version bump (and a rebuild). */
const DECISION_EVENT_TYPES: ReadonlySet<string> = new Set<DecisionEvent['type']>([
  'decision-recorded',
  'decision-condition-satisfied',
  'decision-rescinded',
  'decision-superseded',
]);
const SIGNOFF_EVENT_TYPES: ReadonlySet<string> = new Set<SignoffEvent['type']>([
  'signoff-requested',
  'signoff-signed',
  'signoff-completed',
  'signoff-artefact-revised',
  'signoff-signature-withdrawn',
  'signoff-request-withdrawn',
]);

const isDecisionEvent = (e: StoredEvent) => e.streamId.startsWith('decision-') && DECISION_EVENT_TYPES.has(e.type);
const isSignoffEvent = (e: StoredEvent) => e.streamId.startsWith('signoff-') && SIGNOFF_EVENT_TYPES.has(e.type);
const isMeetingEvent = (e: StoredEvent) => e.streamId.startsWith('meeting-') && MEETING_EVENT_TYPES.has(e.type);

function keysOf(event: StoredEvent): string[] {
  if (isMeetingEvent(event)) return [meetingKey((event.data as { meetingId: string }).meetingId)];
  if (isSignoffEvent(event)) {
    const { signoffId, decisionId } = event.data as { signoffId: string; decisionId?: string };
    // Only the request names the decision, so that is when the decision learns of its sign-off.
    return event.type === 'signoff-requested' && decisionId
      ? [signoffKey(signoffId), decisionKey(decisionId)]
      : [signoffKey(signoffId)];
  }
  const { decisionId, supersededByDecisionId } = event.data as { decisionId: string; supersededByDecisionId?: string };
  return event.type === 'decision-superseded' && supersededByDecisionId
    ? [decisionKey(decisionId), decisionKey(supersededByDecisionId)]
    : [decisionKey(decisionId)];
}

function initialState(key: string): DecisionRegisterDoc {
  if (key.startsWith(MEETING_KEY_PREFIX)) return newMeeting(key.slice(MEETING_KEY_PREFIX.length));
  if (key.startsWith(SIGNOFF_KEY_PREFIX)) return newSignoff(key.slice(SIGNOFF_KEY_PREFIX.length));
  return newDecision(key.slice(DECISION_KEY_PREFIX.length));
}

function evolve(doc: DecisionRegisterDoc, event: StoredEvent): DecisionRegisterDoc {
  switch (doc.kind) {
    case 'meeting':
      return evolveMeeting(doc, event);
    case 'signoff':
      return evolveSignoff(doc, event);
    case 'decision':
      return event.type === 'signoff-requested'
        ? linkSignoff(doc, (event.data as { signoffId: string }).signoffId)
        : evolveDecision(doc, event);
  }
}

/**
 * The decision register. Three kinds of document, joined by the reader at query time so the
 * result is the same whatever order the streams' events are applied in:
 * - decision:<id>  the decision, its conditions, status and history, and the ids of its sign-offs;
 * - signoff:<id>   a sign-off with each required partner's signature on the current artefact
 *                  version and every invalidation (kept apart: later sign-off events do not name the decision);
 * - meeting:<id>   board, date and agenda items, shown beside each decision and used by the filters.
 */
export const decisionRegisterProjection: Projection<DecisionRegisterDoc> = {
  name: 'decision-register',
  version: 1,
  canHandle: (event) => isDecisionEvent(event) || isSignoffEvent(event) || isMeetingEvent(event),
  keysOf,
  initialState,
  evolve,
};
