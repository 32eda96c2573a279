import type { StoredEvent } from '../../src/ledger/event-envelope';
import type { DecodedEvent } from '../../src/ledger/event-registry';
import { streamName } from '../../src/ledger/stream-name';
import { Person, type PersonEvent } from '../../src/partners';
import { historyEntry, revisionAfter, stampOf, withUntil } from '../partners/record-history';
import { subscribe, type SubscribedProjection } from '../subscription';
import { PERSON_KEY_PREFIX, type PersonDoc, type PersonRoleSpan } from './person-doc';

const people = subscribe(Person, { 'person-registered': 'handled', 'person-updated': 'handled' });

const newPerson = (personId: string): PersonDoc => ({
  personId,
  exists: false,
  name: '',
  partnerId: '',
  roles: [],
  revision: -1,
  history: [],
});

const titled = (title: string | undefined) => (title !== undefined ? { title } : {});

function summarise(event: PersonEvent): string {
  const { partnerId, title } = event.data;
  const role = [partnerId && `for ${partnerId}`, title && `as ${title}`].filter(Boolean).join(' ');
  return event.type === 'person-registered'
    ? `Registered ${event.data.name} ${role}`
    : `From ${event.data.effectiveFrom} ${role}`;
}

/** The roles after an event: a registration starts them, an update adds one from its date (what it omits carries over). */
function rolesAfter(doc: PersonDoc, event: DecodedEvent<PersonEvent>): PersonRoleSpan[] {
  const spans = doc.roles.map(({ partnerId, title, from }) => ({ partnerId, ...titled(title), from }));
  if (event.type === 'person-registered')
    return withUntil([{ partnerId: event.data.partnerId, ...titled(event.data.title), from: null }]);
  const current = spans.at(-1);
  const partnerId = event.data.partnerId ?? current?.partnerId ?? '';
  const title = event.data.title ?? current?.title;
  return withUntil([...spans, { partnerId, ...titled(title), from: event.data.effectiveFrom }]);
}

function evolve(doc: PersonDoc, stored: StoredEvent): PersonDoc {
  const event = people.decode(stored);
  const roles = rolesAfter(doc, event);
  const { partnerId, title } = roles.at(-1)!;
  const { title: _previous, ...rest } = doc;
  return {
    ...rest,
    ...(event.type === 'person-registered' ? { exists: true, name: event.data.name, registered: stampOf(event) } : {}),
    partnerId,
    ...titled(title),
    roles,
    revision: revisionAfter(doc.revision, streamName(Person.category, doc.personId), event),
    lastUpdate: { type: event.type, ...stampOf(event) },
    history: [...doc.history, historyEntry(event, summarise(event))],
  };
}

/** The people register: one document per person, their partner and title over time. */
export const peopleProjection: SubscribedProjection<PersonDoc> = {
  name: 'people',
  version: 1,
  subscriptions: [people],
  canHandle: people.takes,
  keysOf: (event) => [`${PERSON_KEY_PREFIX}${people.decode(event).data.personId}`],
  initialState: (key) => newPerson(key.slice(PERSON_KEY_PREFIX.length)),
  evolve,
};
