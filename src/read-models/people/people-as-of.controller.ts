import { registryAsOfController } from '../registry/registry-as-of.controller';
import { PEOPLE, peopleQuery } from './people-model';
import { AsOfPeopleQueryDto } from './people-query.dto';
import { PersonAsOfDto, PersonHistoryAsOfDto, PersonPageAsOfDto } from './people-responses.dto';

/** The people register as it stood at a past point of the log (knownAt) and business date (validAt): the same reader over an as-of view. */
export const PeopleAsOfController = registryAsOfController({
  name: 'PeopleAsOfController',
  tag: 'people',
  path: 'people',
  idParam: 'personId',
  model: PEOPLE,
  query: { dto: AsOfPeopleQueryDto, filters: peopleQuery },
  notFound: 'person-not-found: no such person had been registered by then',
  list: {
    operationId: 'listPeopleAsOf',
    summary:
      'The people register as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listPeople',
    type: PersonPageAsOfDto,
  },
  get: {
    operationId: 'getPersonAsOf',
    summary: 'One person as known at knownAt and true at validAt',
    type: PersonAsOfDto,
  },
  history: {
    operationId: 'getPersonHistoryAsOf',
    summary: "The person's history as known at knownAt, of what had happened by validAt",
    type: PersonHistoryAsOfDto,
  },
});
