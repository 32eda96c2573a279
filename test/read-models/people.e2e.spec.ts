import { expectProblem } from '../support/http';
import { messages, openStream, readUntil } from '../support/sse';
import { readModelSuite } from './support/registry-suite';

const CCG = 'coventry-warwickshire-ccg';
const ICB = 'coventry-warwickshire-icb';

/** The people read model over the HTTP API: whom each person represented, and as what, over time. */
describe('people read model (e2e)', () => {
  const { s, get, post } = readModelSuite(async (post) => {
    for (const [partnerId, name] of [
      [CCG, 'Coventry and Warwickshire CCG'],
      [ICB, 'Coventry and Warwickshire ICB'],
    ])
      await post('/partners', { partnerId, name, kind: 'health' });
    await post('/partners', { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' });
    await post('/people', {
      personId: 'jackie-channell',
      name: 'Jackie Channell',
      partnerId: CCG,
      title: 'Designated Nurse',
      occurredAt: '2022-05-10T10:00:00Z',
    });
    await post('/people', { personId: 'pete-hill', name: 'Pete Hill', partnerId: 'warwickshire-police' });
    await post('/people/jackie-channell/update', { effectiveFrom: '2022-07-01', partnerId: ICB });
  });
  const ids = (res: { body: { items: { personId: string }[] } }) => res.body.items.map((p) => p.personId);

  it('given a person who moved from the CCG to the ICB, then the document shows both roles with their dates', async () => {
    const res = await get('/people/jackie-channell');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Jackie Channell',
      partnerId: ICB,
      title: 'Designated Nurse',
      roles: [
        { partnerId: CCG, title: 'Designated Nurse', from: null, until: '2022-07-01' },
        { partnerId: ICB, title: 'Designated Nurse', from: '2022-07-01', until: null },
      ],
      registered: { occurredAt: '2022-05-10T10:00:00.000Z' },
    });
    const history = await get('/people/jackie-channell/history');
    expect(history.body).toMatchObject({ personId: 'jackie-channell' });
    expect(history.body.entries.map((e: { type: string }) => e.type)).toEqual(['person-registered', 'person-updated']);
  });

  it('lists people by the partner they represent now or on a date, paged by cursor', async () => {
    const first = await get('/people?limit=1');
    expect(ids(first)).toEqual(['jackie-channell']);
    expect(ids(await get(`/people?limit=1&cursor=${first.body.nextCursor}`))).toEqual(['pete-hill']);
    expect(ids(await get(`/people?partner=${CCG}`))).toEqual([]);
    expect(ids(await get(`/people?partner=${CCG}&on=2022-05-10`))).toEqual(['jackie-channell']);
    expect(ids(await get('/people?name=hill'))).toEqual(['pete-hill']);
  });

  it('given a bad filter or an unknown person, then a problem', async () => {
    expectProblem(await get('/people?on=10/05/2022'), 400, 'validation-failed');
    expectProblem(await get('/people/nobody'), 404, 'person-not-found');
  });

  it('answers as of a position: before the update the person was with the CCG', async () => {
    const [registered] = await s.t.store.readStream('person-jackie-channell');
    const res = await get(`/as-of/people/jackie-channell?asOf=${registered.position}`);
    expect(res.body).toMatchObject({
      partnerId: CCG,
      roles: [{ until: null }],
      asOf: { position: registered.position },
    });
    expect(ids(await get(`/as-of/people?asOf=${registered.position}`))).toEqual(['jackie-channell']);
    expect((await get(`/as-of/people/jackie-channell/history?asOf=${registered.position}`)).body.entries).toHaveLength(
      1,
    );
    expectProblem(await get(`/as-of/people/pete-hill?asOf=${registered.position}`), 404, 'person-not-found');
  });

  /** Runs last: it appends to the ledger the other tests read. */
  it('streams each person document as it is applied, with the ledger position as id', async () => {
    const res = await openStream(s.t.app, '/people/stream', s.auditor);
    expect(res.statusCode).toBe(200);
    const text = readUntil(res, (s) => s.includes('Detective Superintendent'));
    await post('/people/pete-hill/update', { effectiveFrom: '2023-01-01', title: 'Detective Superintendent' });
    const last = messages(await text)
      .filter((m) => m.event === 'person')
      .at(-1)!;
    res.destroy();
    expect(JSON.parse(last.data!)).toMatchObject({ personId: 'pete-hill', title: 'Detective Superintendent' });
    expect(Number(last.id)).toBe((await s.t.store.readStream('person-pete-hill')).at(-1)!.position);
  });
});
