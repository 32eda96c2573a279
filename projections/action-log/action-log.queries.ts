import type { ActionStatus } from '../../src/actions';
import { ownerLabel, ownerName } from '../../src/actions';
import { roleOn } from '../../src/partners';
import {
  meetingKey,
  personKey,
  type ActionLogEntry,
  type MeetingBoardDoc,
  type PersonPartnersDoc,
} from './action-log-doc';

/** What a reader can ask the action log for; every filter given must match (AND). */
export interface ActionLogQuery {
  boardId?: string;
  /** `person:<id>`, `partner:<id>`, `team:<name>`, or a bare id/name matching any kind. */
  owner?: string;
  /** Actions owned by this partner agency: as an owner, or through a person owner's partner at the time. */
  partnerId?: string;
  status?: ActionStatus;
  overdue?: boolean;
  /** The date overdue is judged against (YYYY-MM-DD or an ISO instant). */
  asOf: string;
}

/**
 * The projection's own documents the queries look beside an action at: the meeting (its board and
 * date) and the person (their partner over time). Joined at query time, not copied into actions,
 * so the answer holds whatever order the streams' events were applied in.
 */
export interface ActionLogLookups {
  meeting(meetingId: string): MeetingBoardDoc | undefined;
  person(personId: string): PersonPartnersDoc | undefined;
}

/** Lookups over a key -> document read (the store, an as-of view, a pack's fold), each key read once. */
export function lookupsIn(read: (key: string) => unknown): ActionLogLookups {
  const cache = new Map<string, unknown>();
  const get = <D>(key: string): D | undefined => {
    if (!cache.has(key)) cache.set(key, read(key));
    return cache.get(key) as D | undefined;
  };
  return {
    meeting: (meetingId) => get<MeetingBoardDoc>(meetingKey(meetingId)),
    person: (personId) => get<PersonPartnersDoc>(personKey(personId)),
  };
}

/** Calendar dates compare as text; an instant is judged by its UTC date. */
const day = (iso: string) => iso.slice(0, 10);

/** The board an action belongs to: the board of the meeting that raised it. */
export const boardOf = (doc: ActionLogEntry, look: ActionLogLookups): string | undefined =>
  doc.originMeetingId ? look.meeting(doc.originMeetingId)?.boardId : undefined;

/**
 * The date an action is due by: its due date, or without one the date of the meeting it is due
 * back at (the one it was raised for, or the last it was carried to). Undefined when neither is known.
 */
export function effectiveDueDate(doc: ActionLogEntry, look: ActionLogLookups): string | undefined {
  if (doc.dueDate !== undefined) return day(doc.dueDate);
  const meetingDate = doc.targetMeetingId ? look.meeting(doc.targetMeetingId)?.scheduledFor : undefined;
  return meetingDate === undefined ? undefined : day(meetingDate);
}

/** Open and past the date it is due by (not on that day itself). */
export function isOverdue(doc: ActionLogEntry, asOfDate: string, look: ActionLogLookups): boolean {
  const due = effectiveDueDate(doc, look);
  return doc.status === 'open' && due !== undefined && due < day(asOfDate);
}

const norm = (s: string) => s.trim().toLowerCase();

export function isOwnedBy(doc: ActionLogEntry, owner: string): boolean {
  const wanted = norm(owner);
  return doc.owners.some((o) => norm(ownerLabel(o)) === wanted || norm(ownerName(o)) === wanted);
}

/**
 * The partner agencies that own an action: partner owners as named, and each person owner's partner
 * when the owners were set (as the event recorded it, else the person's role in force on that date).
 */
export function owningPartners(doc: ActionLogEntry, look: ActionLogLookups): string[] {
  const partners = doc.owners.map((o) => {
    if (o.kind === 'partner') return o.partnerId;
    if (o.kind !== 'person') return undefined;
    const recorded = doc.ownerPartners?.find((p) => p.personId === o.personId);
    if (recorded) return recorded.partnerId;
    const person = look.person(o.personId);
    return person && doc.ownedSince
      ? roleOn({ exists: true, roles: person.roles }, day(doc.ownedSince))?.partnerId
      : undefined;
  });
  return [...new Set(partners.filter((p): p is string => p !== undefined))];
}

export function matchesQuery(doc: ActionLogEntry, q: ActionLogQuery, look: ActionLogLookups): boolean {
  if (!doc.raised) return false;
  if (q.status !== undefined && doc.status !== q.status) return false;
  if (q.overdue !== undefined && isOverdue(doc, q.asOf, look) !== q.overdue) return false;
  if (q.owner !== undefined && !isOwnedBy(doc, q.owner)) return false;
  if (q.partnerId !== undefined && !owningPartners(doc, look).includes(q.partnerId)) return false;
  if (q.boardId !== undefined && boardOf(doc, look) !== q.boardId) return false;
  return true;
}
