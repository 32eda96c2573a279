import type { UpdatedRecordTrail } from '../partners/record-history';

/** Whom a person represented, with what title, from a date (null: from registration) until the next change (null: now). */
export interface PersonRoleSpan {
  partnerId: string;
  title?: string;
  from: string | null;
  until: string | null;
}

/** A person named in the records: their partner agency and title over time. */
export interface PersonDoc extends UpdatedRecordTrail {
  personId: string;
  exists: boolean;
  name: string;
  /** The partner represented now (the last of `roles`). */
  partnerId: string;
  title?: string;
  /** Oldest first: the partner and title in force at each date. */
  roles: PersonRoleSpan[];
}

export const PERSON_KEY_PREFIX = 'person:';
export const personKey = (personId: string) => `${PERSON_KEY_PREFIX}${personId}`;
