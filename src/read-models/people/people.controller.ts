import { registryController } from '../registry/registry.controller';
import { PEOPLE, personDocuments, peopleQuery } from './people-model';
import { PeopleQueryDto } from './people-query.dto';
import { PersonDto, PersonHistoryDto, PersonPageDto } from './people-responses.dto';

/** The people register, as the projection has applied it (eventually consistent with the ledger). */
export const PeopleController = registryController({
  name: 'PeopleController',
  tag: 'people',
  path: 'people',
  idParam: 'personId',
  model: PEOPLE,
  query: { dto: PeopleQueryDto, filters: peopleQuery },
  notFound: 'person-not-found',
  list: {
    operationId: 'listPeople',
    summary:
      'People named in the records with the partner they represent and their title over time; filter by partner (now or on a date) or name; cursor paging',
    type: PersonPageDto,
  },
  stream: {
    operationId: 'streamPeople',
    summary: 'Server-Sent Events: each person document as it is applied (event "person", id = ledger position)',
    events: { person: PersonDto },
    documents: personDocuments,
  },
  get: {
    operationId: 'getPerson',
    summary:
      'One person: the partner they represent and their title, and every earlier partner and title with its dates',
    type: PersonDto,
  },
  history: {
    operationId: 'getPersonHistory',
    summary: "The person's registration and updates in ledger order: what, when, who, where to verify it",
    type: PersonHistoryDto,
  },
});
