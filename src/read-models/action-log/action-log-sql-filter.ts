import { MEETING_KEY_PREFIX, PERSON_KEY_PREFIX } from '../../../projections/action-log/action-log-doc';
import type { ActionLogQuery } from '../../../projections/action-log/action-log.queries';
import type { DocumentFilter } from '../../http/cursor-page';

/**
 * The action's field, as SQLite reads it from the stored JSON. Inside a subquery over other
 * documents a bare `doc` would be theirs, so the action's is always named by its table.
 */
const field = (path: string) => `json_extract(documents.doc, '$.${path}')`;
const isText = (path: string) => `json_type(documents.doc, '$.${path}') = 'text'`;

/** One of the projection's own documents (meeting or person) by key prefix and the id in the action's field. */
const ownDoc = (alias: string, prefix: string, idSql: string) =>
  `${alias}.projection = ? AND ${alias}.key = '${prefix}' || ${idSql}`;

/** effectiveDueDate: the due date's day, else the target meeting's day (from the projection's meeting document). */
const EFFECTIVE_DUE = `CASE WHEN ${isText('dueDate')} THEN substr(${field('dueDate')}, 1, 10) WHEN ${isText('targetMeetingId')} THEN (SELECT substr(json_extract(m.doc, '$.scheduledFor'), 1, 10) FROM documents m WHERE ${ownDoc('m', MEETING_KEY_PREFIX, field('targetMeetingId'))} AND json_type(m.doc, '$.scheduledFor') = 'text') END`;

/** isOverdue: open, and the day it is due by is before the asked date (0 or 1, never NULL). */
const OVERDUE = `IFNULL(${field('status')} = 'open' AND (${EFFECTIVE_DUE}) < ?, 0)`;

/**
 * owningPartners: a partner owner, or a person owner's partner as the action recorded it, else the
 * person's role in force on the day the owners were set (roleOn: the last role from on or before it).
 */
const personId = `json_extract(o.value, '$.personId')`;
const PERSON_PARTNER = `COALESCE((SELECT json_extract(r.value, '$.partnerId') FROM json_each(documents.doc, '$.ownerPartners') r WHERE json_extract(r.value, '$.personId') = ${personId} LIMIT 1), CASE WHEN ${isText('ownedSince')} THEN (SELECT json_extract(ro.value, '$.partnerId') FROM documents p, json_each(p.doc, '$.roles') ro WHERE ${ownDoc('p', PERSON_KEY_PREFIX, personId)} AND (json_type(ro.value, '$.from') = 'null' OR json_extract(ro.value, '$.from') <= substr(${field('ownedSince')}, 1, 10)) ORDER BY ro.key DESC LIMIT 1) END)`;
const OWNED_BY_PARTNER = `EXISTS (SELECT 1 FROM json_each(documents.doc, '$.owners') o WHERE CASE json_extract(o.value, '$.kind') WHEN 'partner' THEN json_extract(o.value, '$.partnerId') WHEN 'person' THEN ${PERSON_PARTNER} END = ?)`;

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
    params.push(projection, q.asOf.slice(0, 10), q.overdue ? 1 : 0);
  }
  if (q.partnerId !== undefined) {
    parts.push(OWNED_BY_PARTNER);
    params.push(projection, q.partnerId);
  }
  if (q.boardId !== undefined) {
    // The board of the meeting that raised it, from the projection's meeting document (see MeetingBoardDoc).
    parts.push(
      `IFNULL(${field('originMeetingId')}, '') <> '' AND EXISTS (SELECT 1 FROM documents m WHERE ${ownDoc('m', MEETING_KEY_PREFIX, field('originMeetingId'))} AND json_extract(m.doc, '$.boardId') = ?)`,
    );
    params.push(projection, q.boardId);
  }
  return { sql: parts.join(' AND '), params };
}
