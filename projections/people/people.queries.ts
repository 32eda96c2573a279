import type { PersonDoc, PersonRoleSpan } from './person-doc';

/** What a reader can ask the people register for; every filter given must match (AND). */
export interface PeopleQuery {
  /** Represented this partner: now, or on `on` when given. */
  partnerId?: string;
  /** A date (YYYY-MM-DD): the partner filter is judged by the role in force that day. */
  on?: string;
  /** Part of the person's name (case-insensitive). */
  name?: string;
}

/** The role in force on a date: the last one whose start is not after it (null: from registration). */
export const roleOn = (doc: PersonDoc, date: string): PersonRoleSpan | undefined =>
  doc.roles.filter((r) => r.from === null || r.from <= date.slice(0, 10)).at(-1);

export function matchesPerson(doc: PersonDoc, q: PeopleQuery): boolean {
  if (!doc.exists) return false;
  if (q.name !== undefined && !doc.name.toLowerCase().includes(q.name.trim().toLowerCase())) return false;
  if (q.partnerId !== undefined) {
    const partnerId = q.on === undefined ? doc.partnerId : roleOn(doc, q.on)?.partnerId;
    if (partnerId !== q.partnerId) return false;
  }
  return true;
}
