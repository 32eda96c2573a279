import type { ActionStatus } from '../../src/actions/domain/action.messages';
import type { ActionLogEntry } from './action-log-doc';
import { ownerLabel } from './summaries';

/** What a reader can ask the action log for; every filter given must match (AND). */
export interface ActionLogQuery {
  boardId?: string;
  /** `person:<id>`, `partner:<id>`, `team:<name>`, or a bare id/name matching any kind. */
  owner?: string;
  /** Actions owned by this partner agency as a whole (an owner of kind partner). */
  partnerId?: string;
  status?: ActionStatus;
  overdue?: boolean;
  /** The date overdue is judged against (YYYY-MM-DD or an ISO instant). */
  asOf: string;
}

/** Calendar dates compare as text; an instant is judged by its UTC date. */
const day = (iso: string) => iso.slice(0, 10);

/** Open and due before asOf. Actions due only "at a meeting" have no date to be late against. */
export function isOverdue(doc: ActionLogEntry, asOfDate: string): boolean {
  return doc.status === 'open' && doc.dueDate !== undefined && day(doc.dueDate) < day(asOfDate);
}

const norm = (s: string) => s.trim().toLowerCase();

export function isOwnedBy(doc: ActionLogEntry, owner: string): boolean {
  const wanted = norm(owner);
  return doc.owners.some((o) => {
    if (norm(ownerLabel(o)) === wanted) return true;
    const bare = o.kind === 'person' ? o.personId : o.kind === 'partner' ? o.partnerId : o.name;
    return norm(bare) === wanted;
  });
}

export const isOwnedByPartner = (doc: ActionLogEntry, partnerId: string): boolean =>
  doc.owners.some((o) => o.kind === 'partner' && o.partnerId === partnerId);

/**
 * The board an action belongs to is the board of the meeting that raised it; `boardOf` looks the
 * meeting up in the projection's meeting documents (see MeetingBoardDoc).
 */
export function matchesQuery(
  doc: ActionLogEntry,
  q: ActionLogQuery,
  boardOf: (meetingId: string) => string | undefined,
): boolean {
  if (!doc.raised) return false;
  if (q.status !== undefined && doc.status !== q.status) return false;
  if (q.overdue !== undefined && isOverdue(doc, q.asOf) !== q.overdue) return false;
  if (q.owner !== undefined && !isOwnedBy(doc, q.owner)) return false;
  if (q.partnerId !== undefined && !isOwnedByPartner(doc, q.partnerId)) return false;
  if (q.boardId !== undefined && (!doc.originMeetingId || boardOf(doc.originMeetingId) !== q.boardId)) return false;
  return true;
}
