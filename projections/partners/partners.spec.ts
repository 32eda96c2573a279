import type { StoredEvent } from '../../src/ledger/event-envelope';
import { storedEventFactory } from '../../src/ledger/testing/stored-events';
import type { PartnerEvent } from '../../src/partners';
import type { PartnerDoc } from './partner-doc';
import { partnersProjection as p } from './partners.projection';
import { matchesPartner } from './partners.queries';

const admin = { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' };
const stored = storedEventFactory({ step: 3, actor: admin });
const partner = (e: PartnerEvent, at?: string) => stored(`partner-${e.data.partnerId}`, e.type, e.data, at);

/** Every document the events change, folded from its initial state. */
function project(events: StoredEvent[]): Map<string, PartnerDoc> {
  const docs = new Map<string, PartnerDoc>();
  for (const e of events.filter((e) => p.canHandle(e)))
    for (const key of p.keysOf(e)) docs.set(key, p.evolve(docs.get(key) ?? p.initialState(key), e));
  return docs;
}

const CCG = 'coventry-warwickshire-ccg';
const ICB = 'coventry-warwickshire-icb';
const registered = (partnerId: string, name: string) =>
  partner(
    { type: 'partner-registered', data: { partnerId, name, kind: 'health', statutory: true } },
    '2019-03-13T10:00:00.000Z',
  );

describe('partners projection', () => {
  it('given a registration and two renamings, then each name runs from its date until the next', () => {
    const docs = project([
      registered(CCG, 'NHS Warwickshire North CCG'),
      partner({
        type: 'partner-renamed',
        data: { partnerId: CCG, name: 'C&W CCG', effectiveFrom: '2020-04-01', reason: 'Merger' },
      }),
      partner({
        type: 'partner-renamed',
        data: { partnerId: CCG, name: 'Coventry and Warwickshire CCG', effectiveFrom: '2021-01-01' },
      }),
    ]);
    const doc = docs.get(`partner:${CCG}`)!;
    expect(doc).toMatchObject({
      exists: true,
      name: 'Coventry and Warwickshire CCG',
      status: 'active',
      statutory: true,
    });
    expect(doc.names).toEqual([
      { name: 'NHS Warwickshire North CCG', from: null, until: '2020-04-01' },
      { name: 'C&W CCG', from: '2020-04-01', until: '2021-01-01', reason: 'Merger' },
      { name: 'Coventry and Warwickshire CCG', from: '2021-01-01', until: null },
    ]);
    expect(doc.registered).toEqual({
      occurredAt: '2019-03-13T10:00:00.000Z',
      recordedAt: expect.any(String),
      actor: admin,
    });
    expect(doc.history.map((h) => h.summary)).toEqual([
      'Registered as NHS Warwickshire North CCG (health, statutory partner)',
      'Renamed C&W CCG from 2020-04-01: Merger',
      'Renamed Coventry and Warwickshire CCG from 2021-01-01',
    ]);
  });

  it('given a succession, then the predecessor names its successor and the successor its predecessor, both with the event in their history', () => {
    // The CCG's second event: revision 1 (the factory leaves revisions at 0).
    const succeeded = {
      ...partner({
        type: 'partner-succeeded',
        data: { partnerId: CCG, successorId: ICB, effectiveFrom: '2022-07-01' },
      }),
      revision: 1,
    };
    const docs = project([registered(CCG, 'C&W CCG'), registered(ICB, 'C&W ICB'), succeeded]);
    expect(docs.get(`partner:${CCG}`)).toMatchObject({
      status: 'succeeded',
      succeededBy: { partnerId: ICB, effectiveFrom: '2022-07-01' },
    });
    const icb = docs.get(`partner:${ICB}`)!;
    // The succession is in the CCG's stream: the ICB's revision (its commands' If-Match) stays at its registration.
    expect(icb).toMatchObject({
      status: 'active',
      predecessors: [{ partnerId: CCG, effectiveFrom: '2022-07-01' }],
      revision: 0,
    });
    expect(docs.get(`partner:${CCG}`)!.revision).toBe(1);
    expect(icb.history.at(-1)).toMatchObject({
      type: 'partner-succeeded',
      streamId: `partner-${CCG}`,
      position: succeeded.position,
    });
  });

  it('when queried by name, then a former name finds the partner; an unregistered document is never listed', () => {
    const docs = project([
      registered(CCG, 'NHS Warwickshire North CCG'),
      partner({ type: 'partner-renamed', data: { partnerId: CCG, name: 'C&W CCG', effectiveFrom: '2020-04-01' } }),
    ]);
    const doc = docs.get(`partner:${CCG}`)!;
    expect(matchesPartner(doc, { name: 'warwickshire north' })).toBe(true);
    expect(matchesPartner(doc, { name: 'icb' })).toBe(false);
    expect(matchesPartner(doc, { status: 'succeeded' })).toBe(false);
    expect(matchesPartner(p.initialState(`partner:${ICB}`), {})).toBe(false);
  });

  it('ignores events of other aggregates', () => {
    expect(p.canHandle(stored('board-wseb', 'board-registered', { boardId: 'wseb', name: 'B', kind: 'other' }))).toBe(
      false,
    );
  });
});
