import {
  ACTION_KEY_PREFIX,
  actionKey,
  type ActionHistoryEntry,
  type ActionLogEntry,
} from '../../../projections/action-log/action-log-doc';
import { actionHistory, actionLogProjection } from '../../../projections/action-log/action-log.projection';
import {
  boardOf,
  effectiveDueDate,
  isOverdue,
  lookupsIn,
  matchesQuery,
  owningPartners,
  type ActionLogLookups,
  type ActionLogQuery,
} from '../../../projections/action-log/action-log.queries';
import { documentPage, type Page } from '../../http/cursor-page';
import type { StoredEvent } from '../../ledger/event-envelope';
import type { EventStore } from '../../ledger/event-store.port';
import { streamName } from '../../ledger/stream-name';
import { NotFound } from '../../shared/domain-errors';
import type { ReadModelView } from '../as-of/as-of-answer';
import { actionLogSqlFilter } from './action-log-sql-filter';

/** What the reader works out beside the document: its board, the date it is due by, overdue, owning partners. */
export interface ActionLogResolved {
  boardId: string | null;
  effectiveDueDate: string | null;
  overdue: boolean;
  owningPartnerIds: string[];
}
/** A list row: the document, plus what is resolved for the reader. */
export type ActionLogItem = ActionLogEntry & ActionLogResolved;
/** One action with its history (its stream's events up to the position the document shows). */
export type ActionLogDetail = Omit<ActionLogEntry, 'historyLength'> &
  ActionLogResolved & {
    history: ActionHistoryEntry[];
  };

/** The board, due date, overdue flag and owning partners of one action, from the projection's own documents. */
function resolved(doc: ActionLogEntry, asOf: string, look: ActionLogLookups): ActionLogResolved {
  return {
    boardId: boardOf(doc, look) ?? null,
    effectiveDueDate: effectiveDueDate(doc, look) ?? null,
    overdue: isOverdue(doc, asOf, look),
    owningPartnerIds: owningPartners(doc, look),
  };
}

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
    const look = this.lookups();
    const where = actionLogSqlFilter(query, NAME);
    return documentPage<ActionLogEntry, ActionLogItem>(
      this.store,
      NAME,
      ACTION_KEY_PREFIX,
      { limit, cursor, where },
      // Object.assign, not spread: spreading a parsed document costs a few times its JSON.parse (measured).
      (doc) => (matchesQuery(doc, query, look) ? Object.assign({}, doc, resolved(doc, query.asOf, look)) : undefined),
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
    return { ...rest, ...resolved(doc, asOf, this.lookups()), history };
  }

  /** The projection's meeting and person documents, each read once per request. */
  private lookups(): ActionLogLookups {
    return lookupsIn((key) => this.store.get(NAME, key));
  }
}
