import type { StoredEvent } from '../../src/ledger/event-envelope';
import { Board, type BoardEvent, evolveMembership } from '../../src/partners';
import { historyEntry, stampOf } from '../partners/record-history';
import { subscribe, type SubscribedProjection } from '../subscription';
import { BOARD_KEY_PREFIX, boardKey, type BoardDoc } from './board-doc';

const boards = subscribe(Board, {
  'board-registered': 'handled',
  'board-member-added': 'handled',
  'board-membership-ended': 'handled',
  'board-deputy-arranged': 'handled',
  'board-quorum-rule-set': 'handled',
});

const newBoard = (boardId: string): BoardDoc => ({
  boardId,
  exists: false,
  name: '',
  subgroups: [],
  memberships: [],
  deputies: [],
  quorumRules: [],
  revision: -1,
  history: [],
});

/** A registration sets the board's own document and, when it reports to a parent, adds it to the parent's subgroups. */
function evolve(doc: BoardDoc, stored: StoredEvent): BoardDoc {
  const event = boards.decode(stored);
  if (event.type !== 'board-registered') {
    // The decider's own fold: the read model shows membership exactly as the rules saw it.
    const { memberships, deputies, quorumRules } = evolveMembership(doc, event);
    const history = [...doc.history, historyEntry(event, membershipSummary(event))];
    return { ...doc, memberships, deputies, quorumRules, revision: event.revision, history };
  }
  const { boardId, name, kind, parentBoardId } = event.data;
  const summary = `Registered ${name} (${kind})${parentBoardId ? ` under ${parentBoardId}` : ''}`;
  const history = [...doc.history, historyEntry(event, summary)];
  if (doc.boardId !== boardId) return { ...doc, subgroups: [...doc.subgroups, { boardId, name, kind }], history };
  return {
    ...doc,
    exists: true,
    revision: event.revision,
    name,
    kind,
    ...(parentBoardId !== undefined ? { parentBoardId } : {}),
    registered: stampOf(event),
    history,
  };
}

function membershipSummary(event: Exclude<BoardEvent, { type: 'board-registered' }>): string {
  switch (event.type) {
    case 'board-member-added': {
      const { personId, seat, partnerId, statutory, from } = event.data;
      return `${personId} seated as ${seat} for ${partnerId}${statutory ? ' (statutory)' : ''} from ${from}`;
    }
    case 'board-membership-ended':
      return `${event.data.personId} left seat ${event.data.seat} after ${event.data.to}`;
    case 'board-deputy-arranged':
      return `${event.data.deputyPersonId} deputises for seat ${event.data.seat} from ${event.data.from}`;
    case 'board-quorum-rule-set': {
      const { rule, minimum, from } = event.data;
      return `Quorum rule ${rule}${minimum !== undefined ? ` (${minimum})` : ''} from ${from}`;
    }
  }
}

function keysOf(stored: StoredEvent): string[] {
  const event = boards.decode(stored);
  if (event.type !== 'board-registered') return [boardKey(event.data.boardId)];
  const { boardId, parentBoardId } = event.data;
  return parentBoardId === undefined ? [boardKey(boardId)] : [boardKey(boardId), boardKey(parentBoardId)];
}

/** The boards register: one document per board, with the groups that report to it. */
export const boardsProjection: SubscribedProjection<BoardDoc> = {
  name: 'boards',
  version: 2,
  subscriptions: [boards],
  canHandle: boards.takes,
  keysOf,
  initialState: (key) => newBoard(key.slice(BOARD_KEY_PREFIX.length)),
  evolve,
};
