import { expectProblem } from '../support/http';
import { messages, openStream, readUntil } from '../support/sse';
import { readModelSuite } from './support/registry-suite';

const CCG = 'coventry-warwickshire-ccg';
const ICB = 'coventry-warwickshire-icb';

/**
 * The partners read model over the HTTP API: partners registered, renamed and succeeded through the
 * commands (as the admin would), then read back as a business manager or inspector asks.
 */
describe('partners read model (e2e)', () => {
  const { s, get, post } = readModelSuite(async (post) => {
    await post('/partners', {
      partnerId: CCG,
      name: 'NHS Coventry and Warwickshire CCG',
      kind: 'health',
      occurredAt: '2019-03-13T10:00:00Z',
    });
    await post('/partners', { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' });
    await post(`/partners/${CCG}/rename`, {
      name: 'Coventry and Warwickshire CCG',
      effectiveFrom: '2020-04-01',
      reason: 'Three CCGs merged',
    });
    await post('/partners', { partnerId: ICB, name: 'Coventry and Warwickshire ICB', kind: 'health' });
    await post(`/partners/${CCG}/succession`, { successorId: ICB, effectiveFrom: '2022-07-01' });
  });

  it('given a renamed and succeeded partner, then its document shows every name with its dates and its successor', async () => {
    const res = await get(`/partners/${CCG}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      partnerId: CCG,
      name: 'Coventry and Warwickshire CCG',
      kind: 'health',
      statutory: true,
      status: 'succeeded',
      names: [
        { name: 'NHS Coventry and Warwickshire CCG', from: null, until: '2020-04-01' },
        { name: 'Coventry and Warwickshire CCG', from: '2020-04-01', until: null, reason: 'Three CCGs merged' },
      ],
      succeededBy: { partnerId: ICB, effectiveFrom: '2022-07-01' },
      predecessors: [],
      registered: { occurredAt: '2019-03-13T10:00:00.000Z', actor: { userId: 'admin-1' } },
      // Its stream's revision after registration, renaming and succession: what its commands take as If-Match.
      revision: 2,
    });
  });

  it('given the successor, then it names whom it succeeded, and its history holds the succession', async () => {
    expect((await get(`/partners/${ICB}`)).body).toMatchObject({
      status: 'active',
      predecessors: [{ partnerId: CCG, effectiveFrom: '2022-07-01' }],
      revision: 0,
    });
    const history = await get(`/partners/${ICB}/history`);
    expect(history.body.partnerId).toBe(ICB);
    expect(history.body.entries.map((e: { type: string; streamId: string }) => [e.type, e.streamId])).toEqual([
      ['partner-registered', `partner-${ICB}`],
      ['partner-succeeded', `partner-${CCG}`],
    ]);
  });

  it('lists partners in id order with filters, paged by cursor', async () => {
    const ids = (res: { body: { items: { partnerId: string }[] } }) => res.body.items.map((p) => p.partnerId);
    const first = await get('/partners?limit=2');
    expect(ids(first)).toEqual([CCG, ICB]);
    expect(ids(await get(`/partners?limit=2&cursor=${first.body.nextCursor}`))).toEqual(['warwickshire-police']);
    expect(ids(await get('/partners?status=active&kind=health'))).toEqual([ICB]);
    // A former name finds the partner that bore it.
    expect(ids(await get('/partners?name=nhs%20coventry'))).toEqual([CCG]);
  });

  it('given a bad filter or an unknown partner, then a problem', async () => {
    expectProblem(await get('/partners?status=gone'), 400, 'validation-failed');
    expectProblem(await get('/partners/nobody'), 404, 'partner-not-found');
    expectProblem(await get('/partners/nobody/history'), 404, 'partner-not-found');
  });

  it('answers as of a position: before the succession the CCG was active and the ICB had no predecessor', async () => {
    const events = await s.t.store.readStream(`partner-${CCG}`);
    const beforeSuccession = events.find((e) => e.type === 'partner-renamed')!.position;
    const res = await get(`/as-of/partners/${CCG}?asOf=${beforeSuccession}`);
    expect(res.body).toMatchObject({ status: 'active', asOf: { basis: 'position', position: beforeSuccession } });
    expect((await get(`/as-of/partners?asOf=${beforeSuccession}`)).body.items).toHaveLength(2);
    expect((await get(`/as-of/partners/${CCG}/history?asOf=${beforeSuccession}`)).body.entries).toHaveLength(2);
    expectProblem(await get(`/as-of/partners/${ICB}?asOf=${beforeSuccession}`), 404, 'partner-not-found');
  });

  it('answers as known at the end of a date: everything was recorded on 21 Nov 2022 (the test clock), nothing the day before', async () => {
    expect((await get('/as-of/partners?asOf=2022-11-20')).body).toMatchObject({
      items: [],
      asOf: { basis: 'recorded' },
    });
    expect((await get(`/as-of/partners/${CCG}?asOf=2022-11-21`)).body).toMatchObject({ status: 'succeeded' });
  });

  /** Runs last: it appends to the ledger the other tests read. */
  it('streams each partner document as it is applied, with the ledger position as id', async () => {
    const res = await openStream(s.t.app, '/partners/stream', s.auditor);
    expect(res.statusCode).toBe(200);
    const text = readUntil(res, (s) => s.includes('West Mercia'));
    await post('/partners/warwickshire-police/rename', {
      name: 'West Mercia and Warwickshire Police',
      effectiveFrom: '2023-01-01',
    });
    const sent = messages(await text).filter((m) => m.event === 'partner');
    res.destroy();
    const last = sent.at(-1)!;
    expect(JSON.parse(last.data!)).toMatchObject({
      partnerId: 'warwickshire-police',
      name: 'West Mercia and Warwickshire Police',
    });
    expect(Number(last.id)).toBe((await s.t.store.readStream('partner-warwickshire-police')).at(-1)!.position);
  });
});
