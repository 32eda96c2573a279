import type { StoredEvent } from '../../src/ledger/event-envelope';
import { revisionAfter } from '../record-revision';
import type { SubscribedProjection } from '../subscription';
import {
  boardFactsKey,
  BOARD_FACTS_KEY_PREFIX,
  decisionKey,
  DECISION_KEY_PREFIX,
  meetingKey,
  MEETING_KEY_PREFIX,
  signoffKey,
  SIGNOFF_KEY_PREFIX,
  type DecisionRegisterDoc,
} from './decision-register-doc';
import { evolveDecision, linkSignoff, newDecision } from './evolve-decision';
import { evolveMeeting, newMeeting } from './evolve-meeting';
import { evolveSignoff, newSignoff } from './evolve-signoff';
import { boards, decisions, meetings, signoffs } from './subscriptions';
import { evolveQuorumFacts, NO_QUORUM_FACTS } from '../meetings/quorum';

function keysOf(stored: StoredEvent): string[] {
  if (boards.takes(stored)) return [boardFactsKey(boards.decode(stored).data.boardId)];
  if (meetings.takes(stored)) return [meetingKey(meetings.decode(stored).data.meetingId)];
  if (signoffs.takes(stored)) {
    const event = signoffs.decode(stored);
    const { signoffId } = event.data;
    // Only the request names the decision, so that is when the decision learns of its sign-off.
    // The decision first: both change at the request's position, and a batch sends its documents
    // in key order within one position, so a live client has the decision naming the sign-off
    // before the sign-off naming the decision (whether or not the decision was in the same batch).
    return event.type === 'signoff-requested' && event.data.decisionId
      ? [decisionKey(event.data.decisionId), signoffKey(signoffId)]
      : [signoffKey(signoffId)];
  }
  const event = decisions.decode(stored);
  return event.type === 'decision-superseded' && event.data.supersededByDecisionId
    ? [decisionKey(event.data.decisionId), decisionKey(event.data.supersededByDecisionId)]
    : [decisionKey(event.data.decisionId)];
}

function initialState(key: string): DecisionRegisterDoc {
  if (key.startsWith(BOARD_FACTS_KEY_PREFIX))
    return {
      kind: 'board',
      boardId: key.slice(BOARD_FACTS_KEY_PREFIX.length),
      facts: NO_QUORUM_FACTS,
    };
  if (key.startsWith(MEETING_KEY_PREFIX)) return newMeeting(key.slice(MEETING_KEY_PREFIX.length));
  if (key.startsWith(SIGNOFF_KEY_PREFIX)) return newSignoff(key.slice(SIGNOFF_KEY_PREFIX.length));
  return newDecision(key.slice(DECISION_KEY_PREFIX.length));
}

function evolve(doc: DecisionRegisterDoc, event: StoredEvent): DecisionRegisterDoc {
  switch (doc.kind) {
    case 'board':
      return { ...doc, facts: evolveQuorumFacts(doc.facts, event) };
    case 'meeting':
      return evolveMeeting(doc, event);
    case 'signoff': {
      const revision = revisionAfter(doc, event, { category: signoffs.category, id: doc.signoffId });
      return { ...evolveSignoff(doc, event), revision };
    }
    case 'decision': {
      const next = signoffs.takes(event)
        ? linkSignoff(doc, signoffs.decode(event).data.signoffId)
        : evolveDecision(doc, event);
      return { ...next, revision: revisionAfter(doc, event, { category: decisions.category, id: doc.decisionId }) };
    }
  }
}

/**
 * The decision register. Three kinds of document, joined by the reader at query time so the
 * result is the same whatever order the streams' events are applied in:
 * - decision:<id>  the decision, its conditions, status and history, and the ids of its sign-offs;
 * - signoff:<id>   a sign-off with each required partner's signature on the current artefact
 *                  version and every invalidation (kept apart: later sign-off events do not name the decision);
 * - meeting:<id>   board, date, agenda items and attendance, shown beside each decision and used by the filters;
 * - board:<id>     the board's members and quorum rules, against which the meeting's quorum is judged.
 */
export const decisionRegisterProjection: SubscribedProjection<DecisionRegisterDoc> = {
  name: 'decision-register',
  // 2: revision (decisions and sign-offs). 3: attendance and boards' quorum facts.
  version: 3,
  subscriptions: [decisions, signoffs, meetings, boards],
  canHandle: (event) => decisions.takes(event) || signoffs.takes(event) || meetings.takes(event) || boards.takes(event),
  keysOf,
  initialState,
  evolve,
};
