import {
  ACTION_KEY_PREFIX,
  actionKey,
  meetingKey,
  type ActionHistoryEntry,
  type ActionLogEntry,
  type MeetingBoardDoc,
} from '../../../projections/action-log/action-log-doc';
import { actionHistory, actionLogProjection } from '../../../projections/action-log/action-log.projection';
import { isOverdue, matchesQuery, type ActionLogQuery } from '../../../projections/action-log/action-log.queries';
import { documentPage, type Page } from '../../http/cursor-page';
import type { StoredEvent } from '../../ledger/event-envelope';
import type { EventStore } from '../../ledger/event-store.port';
import { streamName } from '../../ledger/stream-name';
import { NotFound } from '../../shared/domain-errors';
import type { ReadModelView } from '../as-of/as-of-answer';
import { actionLogSqlFilter } from './action-log-sql-filter';

/** A list row: the document, plus the board and overdue flag worked out for the reader. */
export type ActionLogItem = ActionLogEntry & { boardId: string | null; overdue: boolean };
/** One action with its history (its stream's events up to the position the document shows). */
export type ActionLogDetail = Omit<ActionLogEntry, 'historyLength'> & {
  boardId: string | null;
  overdue: boolean;
  history: ActionHistoryEntry[];
};

/**
 * Where one action's history comes from: its own stream in the ledger, read up to `upTo()`, the log
 * position the documents show (the runner's checkpoint, or an as-of answer's position), so the
 * history and the document never disagree.
 */
export interface ActionHistorySource {
  events: Pick<EventStore, 'readStream'>;
  upTo(): number | undefined;
  /** Of those, only the ones the documents applied (a business-time answer skips what happened later). */
  applied?: (event: StoredEvent) => boolean;
}

const NAME = actionLogProjection.name;

/**
 * Reads the action log from the read-model store: key-ordered pages; the filters narrow the scan in
 * SQLite (actionLogSqlFilter) and are applied again in pure code (an as-of view ignores the SQL).
 */
export class ActionLogReader {
  constructor(
    private readonly store: ReadModelView,
    private readonly history: ActionHistorySource,
  ) {}

  /** Key-ordered pages; the filters are sent again with each cursor. */
  list(query: ActionLogQuery, limit: number, cursor?: string): Page<ActionLogItem> {
    const boardOf = this.boardLookup();
    const where = actionLogSqlFilter(query, NAME);
    return documentPage<ActionLogEntry, ActionLogItem>(
      this.store,
      NAME,
      ACTION_KEY_PREFIX,
      { limit, cursor, where },
      (doc) =>
        matchesQuery(doc, query, boardOf)
          ? { ...doc, boardId: boardOf(doc.originMeetingId) ?? null, overdue: isOverdue(doc, query.asOf) }
          : undefined,
    );
  }

  async get(actionId: string, asOf: string): Promise<ActionLogDetail> {
    const doc = this.store.get<ActionLogEntry>(NAME, actionKey(actionId));
    if (!doc?.raised) throw new NotFound('Action', actionId);
    const upTo = this.history.upTo() ?? -1;
    const stream = await this.history.events.readStream(streamName('action', actionId));
    const { applied } = this.history;
    const history = actionHistory(applied ? stream.filter(applied) : stream, upTo);
    const { historyLength, ...rest } = doc;
    // The document and the stream are read at the same position, so their counts agree; if not, the ledger changed under the read model.
    if (history.length !== historyLength)
      throw new Error(
        `Action ${actionId}: ${history.length} history events in the ledger up to position ${upTo}, the read model counted ${historyLength}`,
      );
    return {
      ...rest,
      boardId: this.boardLookup()(doc.originMeetingId) ?? null,
      overdue: isOverdue(doc, asOf),
      history,
    };
  }

  /** Meeting -> board, each meeting read once per request. */
  private boardLookup(): (meetingId: string | undefined) => string | undefined {
    const cache = new Map<string, string | undefined>();
    return (meetingId) => {
      if (!meetingId) return undefined;
      if (!cache.has(meetingId))
        cache.set(meetingId, this.store.get<MeetingBoardDoc>(NAME, meetingKey(meetingId))?.boardId);
      return cache.get(meetingId);
    };
  }
}
