import { BadRequestException } from '@nestjs/common';
import { ACTION_KEY_PREFIX, actionKey, meetingKey, type ActionLogEntry, type MeetingBoardDoc } from '../../../projections/action-log/action-log-doc';
import { actionLogProjection } from '../../../projections/action-log/action-log.projection';
import { isOverdue, matchesQuery, type ActionLogQuery } from '../../../projections/action-log/action-log.queries';
import { problem } from '../../http/problem';
import { NotFound } from '../../shared/domain-errors';
import type { ReadModelStore } from '../read-model-store';

/** A list row: the document without its history, plus the board and overdue flag worked out for the reader. */
export type ActionLogItem = Omit<ActionLogEntry, 'history'> & { boardId: string | null; overdue: boolean; historyLength: number };
export type ActionLogDetail = ActionLogEntry & { boardId: string | null; overdue: boolean };

const NAME = actionLogProjection.name;

/** The cursor is the last key returned, opaque to clients; the filters are sent again with it. */
export const encodeCursor = (key: string) => Buffer.from(JSON.stringify({ k: key })).toString('base64url');
function decodeCursor(cursor: string): string {
  try {
    const { k } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    if (typeof k === 'string' && k.startsWith(ACTION_KEY_PREFIX)) return k;
  } catch { /* falls through to the 400 below */ }
  throw new BadRequestException(problem(400, 'invalid-cursor', 'The cursor is not one this API returned'));
}

/** Reads the action log from the read-model store: key-ordered pages, filters applied in pure code. */
export class ActionLogReader {
  constructor(private readonly store: ReadModelStore) {}

  list(query: ActionLogQuery, limit: number, cursor?: string): { items: ActionLogItem[]; nextCursor: string | null } {
    const boardOf = this.boardLookup();
    const items: ActionLogItem[] = [];
    let lastKey: string | undefined;
    let more = false;
    // Scans forward until a page is full; a selective filter reads further, never more than the log.
    for (const { key, doc } of this.store.scan<ActionLogEntry>(NAME, ACTION_KEY_PREFIX, cursor === undefined ? undefined : decodeCursor(cursor))) {
      if (!matchesQuery(doc, query, boardOf)) continue;
      if (items.length === limit) { more = true; break; }
      const { history, ...rest } = doc;
      items.push({ ...rest, boardId: boardOf(doc.originMeetingId) ?? null, overdue: isOverdue(doc, query.asOf), historyLength: history.length });
      lastKey = key;
    }
    return { items, nextCursor: more && lastKey ? encodeCursor(lastKey) : null };
  }

  get(actionId: string, asOf: string): ActionLogDetail {
    const doc = this.store.get<ActionLogEntry>(NAME, actionKey(actionId));
    if (!doc?.raised) throw new NotFound('Action', actionId);
    return { ...doc, boardId: this.boardLookup()(doc.originMeetingId) ?? null, overdue: isOverdue(doc, asOf) };
  }

  /** Meeting -> board, each meeting read once per request. */
  private boardLookup(): (meetingId: string | undefined) => string | undefined {
    const cache = new Map<string, string | undefined>();
    return (meetingId) => {
      if (!meetingId) return undefined;
      if (!cache.has(meetingId)) cache.set(meetingId, this.store.get<MeetingBoardDoc>(NAME, meetingKey(meetingId))?.boardId);
      return cache.get(meetingId);
    };
  }
}
