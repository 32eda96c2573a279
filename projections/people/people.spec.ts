import type { StoredEvent } from '../../src/ledger/event-envelope';
import { storedEventFactory } from '../../src/ledger/testing/stored-events';
import type { PersonEvent } from '../../src/partners';
import { peopleProjection as p } from './people.projection';
import { matchesPerson, roleOn } from './people.queries';
import type { PersonDoc } from './person-doc';

const admin = { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' };
const stored = storedEventFactory({ step: 3, actor: admin });
const person = (e: PersonEvent) => stored(`person-${e.data.personId}`, e.type, e.data, '2022-05-10T10:00:00.000Z');
const fold = (events: StoredEvent[]): PersonDoc =>
  events.reduce((doc, e) => p.evolve(doc, e), p.initialState(p.keysOf(events[0])[0]));

const CCG = 'coventry-warwickshire-ccg';
const ICB = 'coventry-warwickshire-icb';
const registered = person({
  type: 'person-registered',
  data: { personId: 'jackie-channell', name: 'Jackie Channell', partnerId: CCG, title: 'Designated Nurse' },
});
const movedToIcb = person({
  type: 'person-updated',
  data: { personId: 'jackie-channell', effectiveFrom: '2022-07-01', partnerId: ICB },
});
const retitled = person({
  type: 'person-updated',
  data: { personId: 'jackie-channell', effectiveFrom: '2023-04-01', title: 'Chief Nursing Officer' },
});

describe('people projection', () => {
  it('given a registration, then the person represents that partner with that title from registration', () => {
    expect(fold([registered])).toMatchObject({
      exists: true,
      name: 'Jackie Channell',
      partnerId: CCG,
      title: 'Designated Nurse',
      roles: [{ partnerId: CCG, title: 'Designated Nurse', from: null, until: null }],
      registered: { occurredAt: '2022-05-10T10:00:00.000Z', actor: admin },
    });
  });

  it('when updated, then what an update omits carries over and each role runs until the next', () => {
    const doc = fold([registered, movedToIcb, retitled]);
    expect(doc).toMatchObject({ partnerId: ICB, title: 'Chief Nursing Officer' });
    expect(doc.roles).toEqual([
      { partnerId: CCG, title: 'Designated Nurse', from: null, until: '2022-07-01' },
      { partnerId: ICB, title: 'Designated Nurse', from: '2022-07-01', until: '2023-04-01' },
      { partnerId: ICB, title: 'Chief Nursing Officer', from: '2023-04-01', until: null },
    ]);
    expect(doc.history.map((h) => [h.type, h.summary])).toEqual([
      ['person-registered', `Registered Jackie Channell for ${CCG} as Designated Nurse`],
      ['person-updated', `From 2022-07-01 for ${ICB}`],
      ['person-updated', 'From 2023-04-01 as Chief Nursing Officer'],
    ]);
    expect(doc.lastUpdate).toMatchObject({ type: 'person-updated' });
  });

  it('when filtered by partner on a date, then the role in force that day decides', () => {
    const doc = fold([registered, movedToIcb]);
    expect(roleOn(doc, '2022-06-30')?.partnerId).toBe(CCG);
    expect(matchesPerson(doc, { partnerId: CCG, on: '2022-05-10' })).toBe(true);
    expect(matchesPerson(doc, { partnerId: CCG })).toBe(false);
    expect(matchesPerson(doc, { partnerId: ICB, name: 'channell' })).toBe(true);
    expect(matchesPerson(p.initialState('person:nobody'), {})).toBe(false);
  });
});
