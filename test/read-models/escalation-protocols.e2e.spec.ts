import { expectProblem, send } from '../support/http';
import { messages, openStream, readUntil } from '../support/sse';
import { startListeningProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

const stages = [
  { name: 'Practitioner', timescaleWorkingDays: 5 },
  { name: 'Manager', timescaleWorkingDays: 10 },
];

/** The escalation protocols read model over the HTTP API: every version with its stages, who revised it when. */
describe('escalation protocols read model (e2e)', () => {
  let t: ProjectionsTestApp;
  let admin: string;
  let auditor: string;
  const get = (url: string) => send(t, url, undefined, { method: 'GET', token: auditor });
  const post = async (url: string, body: object) => {
    const res = await send(t, url, body, { token: admin });
    if (res.status >= 300) throw new Error(`${url}: ${JSON.stringify(res.body)}`);
    return res;
  };
  const caughtUp = async () => t.runner.waitFor(Math.max(0, ...(await t.store.readAll()).map((e) => e.position)));
  const ids = (res: { body: { items: { protocolId: string }[] } }) => res.body.items.map((p) => p.protocolId);

  beforeAll(async () => {
    t = await startListeningProjectionsApp();
    admin = await t.token({ userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' });
    auditor = await t.token({ userId: 'inspector-1', role: 'auditor', agency: 'ofsted' });
    await post('/escalation-protocols', { protocolId: 'wscp', name: 'WSCP resolution', stages });
    await post('/escalation-protocols', { protocolId: 'adults', name: 'Adults resolution', stages });
    await post('/escalation-protocols/wscp/revise', {
      stages: [...stages, { name: 'Chair', timescaleWorkingDays: 15 }],
      reason: 'Chair stage added',
    });
    await caughtUp();
  });
  afterAll(() => t.close());

  it('given a revision, then the protocol shows the version in force and both versions with who made them', async () => {
    const res = await get('/escalation-protocols/wscp');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'WSCP resolution',
      currentVersion: 2,
      revision: 1,
      defined: { actor: { userId: 'admin-1' } },
    });
    expect(res.headers.etag).toMatch(/^"1\./); // the revision, then a digest of what this reader may see
    expect(res.body.stages).toHaveLength(3);
    expect(
      res.body.versions.map((v: { version: number; stages: unknown[]; reason?: string }) => [
        v.version,
        v.stages.length,
        v.reason,
      ]),
    ).toEqual([
      [1, 2, undefined],
      [2, 3, 'Chair stage added'],
    ]);
    expect(res.body.versions[1].at).toMatchObject({ actor: { userId: 'admin-1', role: 'admin' } });
    const history = await get('/escalation-protocols/wscp/history');
    expect(history.body.entries.map((e: { type: string }) => e.type)).toEqual([
      'escalation-protocol-defined',
      'escalation-protocol-revised',
    ]);
  });

  it('lists protocols by a stage in force, paged by cursor', async () => {
    const first = await get('/escalation-protocols?limit=1');
    expect(ids(first)).toEqual(['adults']);
    expect(ids(await get(`/escalation-protocols?limit=1&cursor=${first.body.nextCursor}`))).toEqual(['wscp']);
    expect(ids(await get('/escalation-protocols?stage=chair'))).toEqual(['wscp']);
  });

  it('given a bad filter or an unknown protocol, then a problem', async () => {
    expectProblem(await get('/escalation-protocols?stage='), 400, 'validation-failed');
    expectProblem(await get('/escalation-protocols/nope'), 404, 'protocol-not-found');
  });

  it('answers as of a position: before the revision, version 1 was in force', async () => {
    const [defined] = await t.store.readStream('protocol-wscp');
    const res = await get(`/as-of/escalation-protocols/wscp?asOf=${defined.position}`);
    expect(res.body).toMatchObject({ currentVersion: 1, asOf: { basis: 'position', position: defined.position } });
    expect(ids(await get(`/as-of/escalation-protocols?asOf=${defined.position}&stage=chair`))).toEqual([]);
    expect((await get(`/as-of/escalation-protocols/wscp/history?asOf=${defined.position}`)).body.entries).toHaveLength(
      1,
    );
  });

  /** Runs last: it appends to the ledger the other tests read. */
  it('streams the protocol as it is revised', async () => {
    const res = await openStream(t.app, '/escalation-protocols/stream', auditor);
    expect(res.statusCode).toBe(200);
    const text = readUntil(res, (s) => s.includes('Senior manager'));
    await post('/escalation-protocols/adults/revise', {
      stages: [...stages, { name: 'Senior manager', timescaleWorkingDays: 10 }],
    });
    const sent = messages(await text).filter((m) => m.event === 'protocol');
    res.destroy();
    const last = JSON.parse(sent[sent.length - 1].data!) as { protocolId: string; currentVersion: number };
    expect(last).toMatchObject({ protocolId: 'adults', currentVersion: 2 });
  });
});
