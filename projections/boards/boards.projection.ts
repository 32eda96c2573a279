import type { StoredEvent } from '../../src/ledger/event-envelope';
import { Board } from '../../src/partners';
import { historyEntry, stampOf } from '../partners/record-history';
import { subscribe, type SubscribedProjection } from '../subscription';
import { BOARD_KEY_PREFIX, boardKey, type BoardDoc } from './board-doc';

const boards = subscribe(Board, { 'board-registered': 'handled' });

const newBoard = (boardId: string): BoardDoc => ({
  boardId,
  exists: false,
  name: '',
  subgroups: [],
  revision: -1,
  history: [],
});

/** A registration sets the board's own document and, when it reports to a parent, adds it to the parent's subgroups. */
function evolve(doc: BoardDoc, stored: StoredEvent): BoardDoc {
  const event = boards.decode(stored);
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

function keysOf(stored: StoredEvent): string[] {
  const { boardId, parentBoardId } = boards.decode(stored).data;
  return parentBoardId === undefined ? [boardKey(boardId)] : [boardKey(boardId), boardKey(parentBoardId)];
}

/** The boards register: one document per board, with the groups that report to it. */
export const boardsProjection: SubscribedProjection<BoardDoc> = {
  name: 'boards',
  version: 1,
  subscriptions: [boards],
  canHandle: boards.takes,
  keysOf,
  initialState: (key) => newBoard(key.slice(BOARD_KEY_PREFIX.length)),
  evolve,
};
