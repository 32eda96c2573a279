import { MEETING_KEY_PREFIX } from '../../../projections/action-log/action-log-doc';
import type { ActionLogQuery } from '../../../projections/action-log/action-log.queries';
import type { DocumentFilter } from '../../http/cursor-page';

/** The document's field, as SQLite reads it from the stored JSON. */
const field = (path: string) => `json_extract(doc, '$.${path}')`;

/** isOverdue: open, with a due date whose calendar day is before the asked date (0 or 1, never NULL). */
const OVERDUE = `IFNULL(${field('status')} = 'open' AND json_type(doc, '$.dueDate') = 'text' AND substr(${field('dueDate')}, 1, 10) < ?, 0)`;

/**
 * The action log's filters (matchesQuery in projections/action-log/action-log.queries.ts) as one
 * condition SQLite answers on the stored documents, so a selective filter reads and parses only the
 * actions it returns. Every filter but `owner` is expressed exactly (a property test holds the two
 * equal on the same documents); `owner` compares case-folded text, which SQLite's lower() does for
 * ASCII only, so it stays in pure code, where the reader applies every filter again anyway.
 */
export function actionLogSqlFilter(q: ActionLogQuery, projection: string): DocumentFilter | undefined {
  // No filter: every action is listed, and a plain key-range scan reads no JSON in SQLite.
  if ([q.status, q.overdue, q.partnerId, q.boardId].every((f) => f === undefined)) return undefined;
  const parts = [`${field('raised')} = 1`];
  const params: (string | number)[] = [];
  if (q.status !== undefined) {
    parts.push(`${field('status')} = ?`);
    params.push(q.status);
  }
  if (q.overdue !== undefined) {
    parts.push(`${OVERDUE} = ?`);
    params.push(q.asOf.slice(0, 10), q.overdue ? 1 : 0);
  }
  if (q.partnerId !== undefined) {
    parts.push(
      `EXISTS (SELECT 1 FROM json_each(doc, '$.owners') o WHERE json_extract(o.value, '$.kind') = 'partner' AND json_extract(o.value, '$.partnerId') = ?)`,
    );
    params.push(q.partnerId);
  }
  if (q.boardId !== undefined) {
    // The board of the meeting that raised it, from the projection's meeting document (see MeetingBoardDoc);
    // inside the subquery a bare `doc` would be the meeting's, so the action's is named by its table.
    parts.push(
      `IFNULL(${field('originMeetingId')}, '') <> '' AND EXISTS (SELECT 1 FROM documents m WHERE m.projection = ? AND m.key = '${MEETING_KEY_PREFIX}' || json_extract(documents.doc, '$.originMeetingId') AND json_extract(m.doc, '$.boardId') = ?)`,
    );
    params.push(projection, q.boardId);
  }
  return { sql: parts.join(' AND '), params };
}
