import { peopleProjection } from '../../../projections/people/people.projection';
import { matchesPerson, type PeopleQuery } from '../../../projections/people/people.queries';
import { PERSON_KEY_PREFIX, type PersonDoc } from '../../../projections/people/person-doc';
import type { RegistryModel } from '../registry/record-reader';
import type { StreamSpec } from '../sse/projection-streams';
import type { PeopleQueryDto } from './people-query.dto';

export const PEOPLE: RegistryModel<PersonDoc, PeopleQuery> = {
  projection: peopleProjection.name,
  prefix: PERSON_KEY_PREFIX,
  what: 'Person',
  matches: matchesPerson,
};

export const peopleQuery = (q: PeopleQueryDto): PeopleQuery => ({ partnerId: q.partner, on: q.on, name: q.name });

/** Registered people as they are applied; the history stays at /history. */
export const personDocuments: StreamSpec<PersonDoc> = {
  projection: peopleProjection,
  select: (_key, { exists, history: _history, ...doc }) => (exists ? { type: 'person', data: doc } : undefined),
};
